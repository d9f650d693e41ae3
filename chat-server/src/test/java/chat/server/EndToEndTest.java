package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.core.ChatTime;
import chat.server.testkit.LocalNode;
import chat.server.testkit.RawClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real node on a free port with the embedded database, driven over raw sockets. */
@Timeout(60)
class EndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private LocalNode node;

    @BeforeEach
    void startNode() throws IOException {
        node = LocalNode.start(dataDir);
    }

    @AfterEach
    void stopNode() throws IOException {
        node.close();
    }

    private RawClient connect() throws IOException {
        return node.connect();
    }

    private int register(RawClient client, String name) throws IOException {
        client.sendLine("{\"msgid\":4,\"name\":\"" + name + "\",\"password\":\"123456\"}");
        JsonNode ack = client.read();
        assertEquals(5, ack.get("msgid").intValue());
        assertEquals(0, ack.get("errno").intValue(), ack.toString());
        return ack.get("id").intValue();
    }

    @Test
    void theSeedReadmeTestLinesWorkAsTheOriginalClientSendsThem() throws IOException {
        RawClient setup = connect();
        for (int i = 1; i <= 21; i++) {
            register(setup, "filler" + i);
        }
        assertEquals(22, register(setup, "wsp"));

        RawClient a = connect();
        a.sendWithNul("{\"msgid\":1,\"id\":45,\"password\":\"123456\"}");
        JsonNode refused = a.read();
        assertEquals(2, refused.get("msgid").intValue());
        assertEquals(1, refused.get("errno").intValue());
        assertEquals("id or password is invalid!", refused.get("errmsg").textValue());

        a.sendWithNul("{\"msgid\":1,\"id\":22,\"password\":\"123456\"}");
        JsonNode loggedIn = a.read();
        assertEquals(0, loggedIn.get("errno").intValue());
        assertEquals("wsp", loggedIn.get("name").textValue());
        assertFalse(loggedIn.has("errmsg"));

        RawClient b = connect();
        b.sendWithNul("{\"msgid\":4,\"name\":\"wei\",\"password\":\"123456\"}");
        assertEquals(23, b.read().get("id").intValue());

        RawClient intruder = connect();
        intruder.sendWithNul("{\"msgid\":1,\"id\":22,\"password\":\"123456\"}");
        JsonNode inUse = intruder.read();
        assertEquals(2, inUse.get("errno").intValue());

        b.sendWithNul("{\"msgid\":1,\"id\":23,\"password\":\"123456\"}");
        assertEquals(0, b.read().get("errno").intValue());

        a.sendWithNul("{\"msgid\":6,\"id\":22,\"from\":\"wsp\",\"toid\":23,\"msg\":\"hello!\"}");
        JsonNode hello = b.read();
        assertEquals(6, hello.get("msgid").intValue());
        assertEquals(22, hello.get("id").intValue());
        assertEquals("wsp", hello.get("name").textValue());
        assertEquals("hello!", hello.get("msg").textValue());
        assertTrue(ChatTime.isValid(hello.get("time").textValue()), hello.toString());

        b.sendWithNul("{\"msgid\":6,\"id\":23,\"from\":\"wei\",\"toid\":22,\"msg\":\"嗨！\"}");
        JsonNode reply = a.read();
        assertEquals("嗨！", reply.get("msg").textValue());
        assertEquals("wei", reply.get("name").textValue());

        a.sendWithNul("{\"msgid\":7,\"id\":22,\"friendid\":23}");
        assertTrue(a.quietFor(Duration.ofMillis(300)), "the original protocol sends no add-friend ack");
        a.sendLine("{\"msgid\":22,\"seq\":1}");
        JsonNode contacts = a.read();
        assertEquals(23, contacts.get("friends").get(0).get("id").intValue());
        assertEquals("online", contacts.get("friends").get(0).get("state").textValue());
    }

    @Test
    void aFullSessionOfFriendsChatsGroupsLogoutAndReturn() throws IOException {
        RawClient setup = connect();
        int ann = register(setup, "ann");
        int bob = register(setup, "bob");
        int cat = register(setup, "cat 😀");

        RawClient a = connect();
        a.sendLine("{\"msgid\":1,\"seq\":1,\"id\":" + ann + ",\"password\":\"123456\"}");
        assertEquals(0, a.read().get("errno").intValue());
        a.sendLine("{\"msgid\":7,\"seq\":2,\"friendid\":" + bob + "}");
        JsonNode friendAck = a.read();
        assertEquals(14, friendAck.get("msgid").intValue());
        assertEquals("offline", friendAck.get("friend").get("state").textValue());

        a.sendLine("{\"msgid\":6,\"seq\":3,\"toid\":" + bob + ",\"msg\":\"while you were out: it's \\\"quoted\\\"\"}");
        JsonNode chatAck = a.read();
        assertEquals(13, chatAck.get("msgid").intValue());
        assertEquals(3, chatAck.get("seq").intValue());

        a.sendLine("{\"msgid\":8,\"seq\":4,\"groupname\":\"书友会\",\"groupdesc\":\"books\"}");
        JsonNode created = a.read();
        assertEquals(15, created.get("msgid").intValue());
        int group = created.get("group").get("id").intValue();
        assertEquals("creator", created.get("group").get("users").get(0).get("role").textValue());

        RawClient b = connect();
        b.sendLine("{\"msgid\":1,\"seq\":1,\"id\":" + bob + ",\"password\":\"123456\"}");
        JsonNode bobIn = b.read();
        assertEquals(0, bobIn.get("errno").intValue());
        assertFalse(bobIn.has("offlinemsg"), "a client that sends seq syncs instead");
        b.sendLine("{\"msgid\":24,\"seq\":10}");
        JsonNode waited = b.read();
        assertEquals(25, waited.get("msgid").intValue());
        assertEquals("while you were out: it's \"quoted\"", waited.get("messages").get(0).get("msg").textValue());
        assertEquals(ann, waited.get("messages").get(0).get("id").intValue());
        JsonNode friend = JSON.readTree(bobIn.get("friends").get(0).textValue());
        assertEquals(ann, friend.get("id").intValue());
        assertEquals("online", friend.get("state").textValue());

        b.sendLine("{\"msgid\":9,\"seq\":2,\"groupid\":" + group + "}");
        assertEquals(16, b.read().get("msgid").intValue());
        RawClient c = connect();
        c.sendLine("{\"msgid\":1,\"seq\":1,\"id\":" + cat + ",\"password\":\"123456\"}");
        c.read();
        c.sendLine("{\"msgid\":9,\"seq\":2,\"groupid\":" + group + "}");
        c.read();

        b.sendLine("{\"msgid\":10,\"seq\":3,\"groupid\":" + group + ",\"msg\":\"大家好 👋\"}");
        assertEquals(29, b.read().get("msgid").intValue(), "bob hears that cat joined");
        assertEquals(17, b.read().get("msgid").intValue());
        assertEquals(List.of(31, 29, 29), List.of(a.read(), a.read(), a.read()).stream()
                .map(event -> event.get("msgid").intValue()).toList(),
                "ann hears bob come online, then bob and cat join");
        long groupChatMid = 0;
        for (RawClient member : List.of(a, c)) {
            JsonNode groupChat = member.read();
            assertEquals(10, groupChat.get("msgid").intValue());
            assertEquals("大家好 👋", groupChat.get("msg").textValue());
            assertEquals("bob", groupChat.get("name").textValue());
            groupChatMid = groupChat.get("mid").longValue();
        }
        assertTrue(b.quietFor(Duration.ofMillis(200)), "the sender gets no copy of its own group chat");

        c.sendLine("{\"msgid\":3,\"seq\":3}");
        assertEquals(12, c.read().get("msgid").intValue());
        b.sendLine("{\"msgid\":10,\"groupid\":" + group + ",\"msg\":\"cat is away\"}");
        a.read();
        c.sendLine("{\"msgid\":1,\"seq\":4,\"id\":" + cat + ",\"password\":\"123456\"}");
        JsonNode catBack = c.read();
        assertEquals(0, catBack.get("errno").intValue());
        long seenByCat = groupChatMid;
        c.sendLine("{\"msgid\":24,\"seq\":40,\"after\":" + seenByCat + "}");
        JsonNode whileAway = c.read();
        // From cat's reported position, which is older: cat drops what it has seen, as our client does.
        List<JsonNode> unseen = new ArrayList<>();
        whileAway.get("messages").forEach(chat -> {
            if (chat.get("mid").longValue() != seenByCat) {
                unseen.add(chat);
            }
        });
        assertEquals(List.of("cat is away"), unseen.stream().map(chat -> chat.get("msg").textValue()).toList());
        long catSawAll = unseen.getFirst().get("mid").longValue();

        b.sendLine("{\"msgid\":18,\"seq\":4,\"with\":" + ann + "}");
        JsonNode history = b.read();
        assertEquals(19, history.get("msgid").intValue());
        assertEquals(1, history.get("messages").size());

        c.sendLine("{\"msgid\":26,\"seq\":5,\"mid\":" + catSawAll + "}");
        assertEquals(27, c.read().get("msgid").intValue());
        c.sendLine("{\"msgid\":24,\"seq\":6,\"after\":" + catSawAll + "}");
        JsonNode nothingNew = c.read();
        assertEquals(0, nothingNew.get("messages").size(), "nothing after what cat has seen");
        assertFalse(nothingNew.get("more").booleanValue());
    }

    @Test
    void theOriginalClientGetsWhatWaitedInItsLoginAckOnce() throws Exception {
        RawClient setup = connect();
        int ann = register(setup, "ann");
        int bob = register(setup, "bob");
        RawClient a = connect();
        a.sendWithNul("{\"msgid\":1,\"id\":" + ann + ",\"password\":\"123456\"}");
        assertEquals(0, a.read().get("errno").intValue());
        a.sendWithNul("{\"msgid\":6,\"id\":" + ann + ",\"toid\":" + bob + ",\"msg\":\"while you were out\"}");
        // No ack for the original client: wait until the chat is stored before bob looks.
        Thread.sleep(300);

        RawClient b = connect();
        b.sendWithNul("{\"msgid\":1,\"id\":" + bob + ",\"password\":\"123456\"}");
        JsonNode bobIn = b.read();
        assertEquals(0, bobIn.get("errno").intValue());
        JsonNode waited = JSON.readTree(bobIn.get("offlinemsg").get(0).textValue());
        assertEquals("while you were out", waited.get("msg").textValue());
        assertEquals(ann, waited.get("id").intValue());
        assertEquals(6, waited.get("msgid").intValue());

        // A chat received less than a second before leaving could have overtaken an older one still on its
        // way, so the position is stored short of it until then.
        Thread.sleep(1500);
        b.sendWithNul("{\"msgid\":3,\"id\":" + bob + "}");
        b.sendWithNul("{\"msgid\":1,\"id\":" + bob + ",\"password\":\"123456\"}");
        assertFalse(b.read().has("offlinemsg"), "what waited is delivered once");
    }


    @Test
    void badInputGetsAnErrorAndTheConnectionAndNodeSurvive() throws IOException {
        RawClient client = connect();
        client.sendRaw("not json at all\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(3, client.read().get("errno").intValue());
        client.sendLine("{\"msgid\":\"one\"}");
        assertEquals(3, client.read().get("errno").intValue());
        client.sendLine("{\"msgid\":6,\"toid\":1,\"msg\":\"hi\"}");
        assertEquals(5, client.read().get("errno").intValue());
        client.sendLine("{\"msgid\":42,\"seq\":9}");
        JsonNode unknown = client.read();
        assertEquals(4, unknown.get("errno").intValue());
        assertEquals(9, unknown.get("seq").intValue());
        client.sendLine("{\"msgid\":20,\"seq\":10}");
        assertEquals(21, client.read().get("msgid").intValue());

        client.sendRaw(("{\"msgid\":6,\"msg\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(9, client.read().get("errno").intValue());
        assertTrue(client.closedByServer());

        RawClient next = connect();
        assertEquals(1, register(next, "survivor"));
    }
}
