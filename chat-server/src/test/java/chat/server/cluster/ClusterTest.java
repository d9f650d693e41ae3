package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.ChatNode;
import chat.server.testkit.Backend;
import chat.server.testkit.Nginx;
import chat.server.testkit.RawClient;
import chat.server.testkit.RedisServer;
import chat.server.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two nodes sharing a private Redis and a fresh MariaDB database, with nginx (the repository's ops/nginx.conf)
 * in front: chat, group chat, presence and disconnects across nodes. Everything real, nothing mocked.
 */
@Timeout(30)
class ClusterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

    private static RedisServer redis;
    private static TestDatabase database;
    private static ChatNode node1;
    private static ChatNode node2;
    private static Nginx nginx;
    private final List<RawClient> clients = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws IOException {
        redis = RedisServer.start();
        database = TestDatabase.create(Backend.MARIADB);
        node1 = startNode(redis, database, "node-1");
        node2 = startNode(redis, database, "node-2");
        nginx = Nginx.start(node1.port(), node2.port());
    }

    static ChatNode startNode(RedisServer redis, TestDatabase database, String nodeId) throws IOException {
        return ChatNode.start(new ChatNode.Settings("127.0.0.1", 0, database.settings(), 1000, 1000, 1 << 20,
                Duration.ofSeconds(2), new ClusterSettings(redis.uri(), nodeId, ClusterSettings.DEFAULT_PREFIX,
                        ClusterSettings.DEFAULT_PRESENCE_TTL, Duration.ZERO)));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        try (RedisServer r = redis; TestDatabase d = database; ChatNode n1 = node1; ChatNode n2 = node2;
             Nginx n = nginx) {
            // closed in reverse: nginx, the nodes, then the database and Redis
        }
    }

    @AfterEach
    void closeClients() throws IOException {
        for (RawClient client : clients) {
            client.close();
        }
    }

    private RawClient connect(int port) throws IOException {
        RawClient client = new RawClient(port);
        clients.add(client);
        return client;
    }

    private int register(String role) throws IOException {
        return connect(node1.port()).register(role + RUN + NAMES.incrementAndGet());
    }

    @Test
    void oneToOneChatCrossesNodesInBothDirections() throws IOException {
        int ann = register("ann");
        int bob = register("bob");
        RawClient a = connect(node1.port());
        RawClient b = connect(node2.port());
        a.loginOk(ann);
        b.loginOk(bob);
        assertEquals("node-1", redis.get("chat:presence:" + ann));
        assertEquals("node-2", redis.get("chat:presence:" + bob));

        assertEquals(13, a.chat(bob, "hello from node 1").path("msgid").asInt());
        JsonNode atBob = b.push(6);
        assertEquals(ann, atBob.get("id").intValue());
        assertEquals("hello from node 1", atBob.get("msg").textValue());

        b.chat(ann, "and back from node 2");
        JsonNode atAnn = a.push(6);
        assertEquals(bob, atAnn.get("id").intValue());
        assertEquals("and back from node 2", atAnn.get("msg").textValue());
    }

    @Test
    void groupChatReachesMembersOnBothNodesThroughNginxAndOfflineMembersAtLogin() throws IOException {
        int owner = register("own");
        int near = register("near");
        int far = register("far");
        int viaNginx = register("lb");
        int away = register("away");
        RawClient o = connect(node1.port());
        o.loginOk(owner);
        JsonNode created = o.answer(o.request("\"msgid\":8,\"groupname\":\"g" + RUN + NAMES.incrementAndGet()
                + "\",\"groupdesc\":\"both nodes\""));
        int group = created.get("group").get("id").intValue();
        RawClient n = connect(node1.port());
        RawClient f = connect(node2.port());
        RawClient l = connect(nginx.port());
        RawClient w = connect(node2.port());
        for (var member : Map.of(n, near, f, far, l, viaNginx, w, away).entrySet()) {
            member.getKey().loginOk(member.getValue());
            JsonNode joined = member.getKey().answer(member.getKey().request("\"msgid\":9,\"groupid\":" + group));
            assertEquals(16, joined.path("msgid").asInt(), joined.toString());
        }
        w.logout();

        JsonNode ack = o.answer(o.request("\"msgid\":10,\"groupid\":" + group + ",\"msg\":\"hi all\""));
        assertEquals(17, ack.path("msgid").asInt(), ack.toString());
        for (RawClient member : List.of(n, f, l)) {
            JsonNode got = member.push(10);
            assertEquals("hi all", got.get("msg").textValue());
            assertEquals(owner, got.get("id").intValue());
        }
        assertTrue(o.quietFor(Duration.ofMillis(200)), "the sender gets no copy");

        RawClient later = connect(node1.port());
        later.loginOk(away);
        List<JsonNode> waited = later.sync(null);
        assertEquals(1, waited.size(), waited.toString());
        assertEquals("hi all", waited.getFirst().get("msg").textValue());
        assertEquals(group, waited.getFirst().get("groupid").intValue());
    }

    @Test
    void aJoinOnOneNodeReachesTheMemberListsTheOtherNodeRemembers() throws IOException {
        int owner = register("gown");
        int newcomer = register("gnew");
        RawClient o = connect(node1.port());
        o.loginOk(owner);
        JsonNode created = o.answer(o.request("\"msgid\":8,\"groupname\":\"j" + RUN + NAMES.incrementAndGet()
                + "\",\"groupdesc\":\"\""));
        int group = created.get("group").get("id").intValue();
        // Node 1 now remembers the group as just its owner.
        o.answer(o.request("\"msgid\":10,\"groupid\":" + group + ",\"msg\":\"alone\""));

        RawClient n = connect(node2.port());
        n.loginOk(newcomer);
        assertEquals(16, n.answer(n.request("\"msgid\":9,\"groupid\":" + group)).path("msgid").asInt());

        // Node 2 announced the join before answering; node 1 hears it a moment later.
        sleepQuietly(Duration.ofMillis(300));
        o.answer(o.request("\"msgid\":10,\"groupid\":" + group + ",\"msg\":\"welcome\""));
        assertEquals("welcome", n.push(10).get("msg").textValue(),
                "a member who joined on node 2 gets group chats sent from node 1, which remembered the group");
    }

    @Test
    void chatThroughNginxReachesAUserOnTheOtherNode() throws IOException {
        int lb = register("lb");
        int direct = register("dir");
        RawClient viaNginx = connect(nginx.port());
        viaNginx.loginOk(lb);
        String landedOn = redis.get("chat:presence:" + lb);
        ChatNode other = "node-1".equals(landedOn) ? node2 : node1;
        assertTrue(List.of("node-1", "node-2").contains(landedOn), landedOn);
        RawClient d = connect(other.port());
        d.loginOk(direct);
        assertNotEquals(landedOn, redis.get("chat:presence:" + direct));

        viaNginx.chat(direct, "through the balancer");
        assertEquals("through the balancer", d.push(6).get("msg").textValue());
        d.chat(lb, "and back through it");
        assertEquals("and back through it", viaNginx.push(6).get("msg").textValue());
    }

    @Test
    void anIdleConnectionThroughNginxOutlivesTheSeedsThreeSecondTimeout() throws Exception {
        Matcher timeout = Pattern.compile("(?m)^\\s*proxy_timeout\\s+(\\d+)([smh]);").matcher(Files.readString(Nginx.CONFIG));
        assertTrue(timeout.find(), "ops/nginx.conf sets proxy_timeout");
        Duration configured = switch (timeout.group(2)) {
            case "s" -> Duration.ofSeconds(Long.parseLong(timeout.group(1)));
            case "m" -> Duration.ofMinutes(Long.parseLong(timeout.group(1)));
            default -> Duration.ofHours(Long.parseLong(timeout.group(1)));
        };
        assertTrue(configured.compareTo(Duration.ofMinutes(10)) >= 0,
                "proxy_timeout " + configured + " would drop idle chat clients (ours ping every 30 s)");

        int idle = register("idle");
        RawClient c = connect(nginx.port());
        c.loginOk(idle);
        assertTrue(c.quietFor(Duration.ofSeconds(4)), "nginx closed an idle connection");
        assertEquals(21, c.answer(c.request("\"msgid\":20")).path("msgid").asInt());
    }

    @Test
    void aSecondLoginOnAnyNodeIsRefusedAndFriendsSeePresenceAcrossNodes() throws IOException {
        int ann = register("ann");
        int fay = register("fay");
        RawClient a = connect(node1.port());
        a.loginOk(ann);
        a.answer(a.request("\"msgid\":7,\"friendid\":" + fay));

        RawClient f = connect(node2.port());
        JsonNode ack = f.loginOk(fay);
        JsonNode friend = JSON.readTree(ack.get("friends").get(0).textValue());
        assertEquals(ann, friend.get("id").intValue());
        assertEquals("online", friend.get("state").textValue(), "ann is online on the other node");

        for (ChatNode node : List.of(node2, node1)) {
            JsonNode refused = connect(node.port()).login(ann);
            assertEquals(2, refused.get("errno").intValue(), refused.toString());
            assertEquals("this account is using, input another!", refused.get("errmsg").textValue());
        }
        a.logout();
        JsonNode contacts = f.answer(f.request("\"msgid\":22"));
        assertEquals("offline", contacts.get("friends").get(0).get("state").textValue(), contacts.toString());
        assertEquals("node-2", redis.get("chat:presence:" + fay), "ann's logout on node 1 leaves fay online");
    }

    @Test
    void eventsReachFriendsAndMembersOnTheOtherNodeAndNeverTheOriginalClient() throws IOException {
        int ann = register("evann");
        int bob = register("evbob");
        int cat = register("evcat");
        RawClient a = connect(node1.port());
        RawClient b = connect(node2.port());
        RawClient c = connect(node2.port());
        a.loginOk(ann);
        b.loginOk(bob);
        c.sendWithNul("{\"msgid\":1,\"id\":" + cat + ",\"password\":\"" + RawClient.PASSWORD + "\"}");
        assertEquals(0, c.read().get("errno").intValue());

        a.answer(a.request("\"msgid\":7,\"friendid\":" + bob));
        assertEquals(ann, b.push(28).get("friend").get("id").intValue());
        a.answer(a.request("\"msgid\":7,\"friendid\":" + cat));

        int group = a.answer(a.request("\"msgid\":8,\"groupname\":\"ev" + RUN + NAMES.incrementAndGet()
                + "\",\"groupdesc\":\"\"")).get("group").get("id").intValue();
        b.answer(b.request("\"msgid\":9,\"groupid\":" + group));
        assertEquals(bob, a.push(29).get("member").get("id").intValue());
        a.answer(a.request("\"msgid\":35,\"groupid\":" + group));
        JsonNode left = b.push(30);
        assertEquals(ann, left.get("id").intValue());
        assertEquals(bob, left.get("creator").intValue());

        b.abort();
        JsonNode offline = a.push(31);
        assertEquals(bob, offline.get("friend").get("id").intValue());
        assertEquals("offline", offline.get("friend").get("state").textValue(), "a dropped connection counts");
        RawClient again = connect(node2.port());
        again.loginOk(bob);
        assertEquals("online", a.push(31).get("friend").get("state").textValue());

        a.answer(a.request("\"msgid\":37,\"friendid\":" + bob));
        assertEquals(ann, again.push(32).get("id").intValue());
        a.logout();
        assertTrue(c.quietFor(Duration.ofMillis(300)), "the original client got no event, from either node");
    }

    @Test
    void aNodeThatStopsCleanlyAnnouncesItsUsersOfflineToFriendsOnOtherNodes() throws IOException {
        int ann = register("stann");
        int bob = register("stbob");
        RawClient a = connect(node1.port());
        a.loginOk(ann);
        a.answer(a.request("\"msgid\":7,\"friendid\":" + bob));
        try (ChatNode node3 = startNode(redis, database, "node-3")) {
            connect(node3.port()).loginOk(bob);
            assertEquals("online", a.push(31).get("friend").get("state").textValue());
        }
        JsonNode offline = a.push(31);
        assertEquals(bob, offline.get("friend").get("id").intValue());
        assertEquals("offline", offline.get("friend").get("state").textValue());
    }

    @Test
    void simultaneousLoginsOnTwoNodesLetExactlyOneIn() throws Exception {
        int twin = register("twin");
        RawClient one = connect(node1.port());
        RawClient two = connect(node2.port());
        CyclicBarrier start = new CyclicBarrier(2);
        for (int round = 0; round < 10; round++) {
            CompletableFuture<JsonNode> first = loginAfter(start, one, twin);
            CompletableFuture<JsonNode> second = loginAfter(start, two, twin);
            int errno1 = first.get().get("errno").intValue();
            int errno2 = second.get().get("errno").intValue();
            assertEquals(List.of(0, 2), errno1 < errno2 ? List.of(errno1, errno2) : List.of(errno2, errno1),
                    "round " + round + ": " + errno1 + " and " + errno2);
            (errno1 == 0 ? one : two).logout();
        }
    }

    private static CompletableFuture<JsonNode> loginAfter(CyclicBarrier start, RawClient client, int id) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
                return client.login(id);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aUserWhoDropsTheConnectionIsNeitherSubscribedNorOnline() throws IOException {
        int gone = register("gone");
        RawClient c = connect(node1.port());
        c.loginOk(gone);
        assertEquals(1, redis.subscribers("chat:user:" + gone));
        assertEquals("node-1", redis.get("chat:presence:" + gone));

        c.abort();
        waitUntil(() -> redis.subscribers("chat:user:" + gone) == 0 && redis.get("chat:presence:" + gone) == null,
                Duration.ofSeconds(5), "node 1 still holds the dropped user");
        connect(node2.port()).loginOk(gone);
        assertEquals(1, redis.subscribers("chat:user:" + gone), "only node 2 is subscribed now");
    }

    @Test
    void aChatToSomeoneOfflineEverywhereWaitsForTheirNextLoginOnAnyNode() throws IOException {
        int ann = register("ann");
        int bob = register("bob");
        RawClient a = connect(node1.port());
        a.loginOk(ann);
        a.chat(bob, "for later");
        assertNull(redis.get("chat:presence:" + bob));

        RawClient b = connect(node2.port());
        b.loginOk(bob);
        List<JsonNode> waited = b.sync(null);
        assertEquals(List.of("for later"), waited.stream().map(chat -> chat.get("msg").textValue()).toList());
        b.answer(b.request("\"msgid\":26,\"mid\":" + waited.getFirst().get("mid").longValue()));
        b.logout();
        b.loginOk(bob);
        assertEquals(List.of(), b.sync(null), "once reported received, a chat does not come again");
    }

    static void waitUntil(BooleanSupplier condition, Duration limit, String failure) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure + " after " + limit);
            }
            RedisServer.sleep(20);
        }
    }

    private static void sleepQuietly(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
