package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import chat.server.delivery.Mailbox;
import chat.server.ops.Metrics;
import chat.server.session.RecordingChannel;
import chat.server.testkit.RedisServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;

/** Two nodes on a private redis-server: registration is claim and subscription together, and chats cross. */
@Timeout(30)
class RedisClusterTest {
    private static final Duration TTL = Duration.ofMillis(600);
    private static final byte[] LINE = "{\"msgid\":6,\"msg\":\"hi\"}\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EVENT = "{\"msgid\":32,\"id\":3,\"name\":\"x\"}\n".getBytes(StandardCharsets.UTF_8);

    private final Mailbox mailboxA = mock(Mailbox.class);
    private final Mailbox mailboxB = mock(Mailbox.class);
    private RedisServer redis;
    private Cluster a;
    private Cluster b;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        a = node("a", mailboxA);
        b = node("b", mailboxB);
    }

    private Cluster node(String id, Mailbox mailbox) {
        return Cluster.redis(new ClusterSettings(redis.uri(), id, "t", TTL, Duration.ZERO), mailbox, Metrics.off());
    }

    @AfterEach
    void stop() throws Exception {
        b.close();
        a.close();
        redis.close();
    }

    @Test
    void ofManySimultaneousRegistrationsOnTwoNodesExactlyOneWinsAndOnlyItSubscribes() {
        for (int user = 1; user <= 20; user++) {
            int id = user;
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Boolean>> registrations = new ArrayList<>();
            for (Cluster node : List.of(a, b, a, b)) {
                registrations.add(CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return node.register(id, new RecordingChannel(), false);
                }));
            }
            go.countDown();
            long winners = registrations.stream().filter(CompletableFuture::join).count();
            assertEquals(1, winners, "user " + id);
            assertEquals(1, redis.subscribers("t:user:" + id), "only the winner subscribed");
        }
    }

    @Test
    void aRegistrationComesWithTheSubscriptionAndUnregisterTakesBoth() {
        RecordingChannel channel = new RecordingChannel();
        assertTrue(a.register(9, channel, false));
        assertEquals("a", redis.get("t:presence:9"));
        assertEquals(1, redis.subscribers("t:user:9"));
        assertFalse(b.register(9, new RecordingChannel(), false));

        a.unregister(9, channel);

        assertEquals(null, redis.get("t:presence:9"));
        assertEquals(0, redis.subscribers("t:user:9"));
        assertTrue(b.register(9, new RecordingChannel(), false));
    }

    @Test
    void aUserWithASessionOnThisNodeIsRefusedAndTheExistingSessionKept() {
        RecordingChannel existing = new RecordingChannel();
        assertTrue(a.register(21, existing, false));

        assertFalse(a.register(21, new RecordingChannel(), false));

        assertEquals("a", redis.get("t:presence:21"), "the claim stays with the existing session");
        assertEquals(1, redis.subscribers("t:user:21"));
        b.send(21, 121L, LINE);
        waitUntil(() -> existing.sent().size() == 1);
    }

    @Test
    void aChatCrossesToTheNodeThatHoldsTheRecipientWithItsMidAndOneForNobodyIsReportedMissed() {
        RecordingChannel bob = new RecordingChannel();
        assertTrue(b.register(5, bob, false));

        a.send(5, 105L, LINE);
        a.send(6, 106L, LINE);

        waitUntil(() -> bob.sent().size() == 1);
        assertEquals(105L, bob.sent().getFirst().mid());
        verify(mailboxA).missed(6, 106L, Mailbox.Miss.NOBODY_TOOK_IT);
        verifyNoInteractions(mailboxB);
    }

    @Test
    void anEventCrossesToAClientThatTakesEventsAndIsDroppedEverywhereElseWithoutAMiss() {
        RecordingChannel ours = new RecordingChannel();
        RecordingChannel original = new RecordingChannel();
        assertTrue(b.register(5, ours, true));
        assertTrue(b.register(6, original, false));

        a.sendEvent(5, EVENT);
        a.sendEvent(6, EVENT);
        a.sendEvent(7, EVENT);
        a.send(5, 105L, LINE);

        waitUntil(() -> ours.sent().size() == 2);
        assertEquals(new String(EVENT, StandardCharsets.UTF_8),
                new String(ours.sent().getFirst().line(), StandardCharsets.UTF_8));
        assertNull(ours.sent().getFirst().mid(), "an event is no chat: nothing reports it written or missed");
        assertEquals(105L, ours.sent().get(1).mid(), "events and chats from one node keep their order");
        assertTrue(original.sent().isEmpty(), "the original client never gets an event");
        verifyNoInteractions(mailboxA, mailboxB);
    }

    @Test
    void whenAnotherNodeTookAUserWhileRedisLostTheClaimTheHeartbeatGivesUpTheirChannel() {
        assertTrue(a.register(1, new RecordingChannel(), false));
        assertTrue(a.register(2, new RecordingChannel(), false));
        try (Jedis jedis = redis.client()) {
            jedis.flushAll();
        }
        assertTrue(b.register(2, new RecordingChannel(), false), "2 logged in on b before a's heartbeat");

        waitUntil(() -> "a".equals(redis.get("t:presence:1")) && redis.subscribers("t:user:2") == 1);
        assertEquals("b", redis.get("t:presence:2"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            RedisServer.sleep(20);
        }
    }
}
