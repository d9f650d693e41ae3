package chat.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.testkit.RedisServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;

/** The subscriber against a private redis-server: confirmed subscriptions, reconnects, a Redis that hangs. */
@Timeout(30)
class RedisSubscriberTest {
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final List<String> stored = new CopyOnWriteArrayList<>();
    private final AtomicInteger connects = new AtomicInteger();
    private final List<Integer> changedGroups = new CopyOnWriteArrayList<>();
    private final GroupChangeListener groupChanges = new GroupChangeListener() {
        @Override
        public void groupChanged(int groupId) {
            changedGroups.add(groupId);
        }

        @Override
        public void allGroupsChanged() {
            changedGroups.add(-1);
        }
    };
    private final RedisNames names = new RedisNames("t", "n1");
    private RedisServer redis;
    private RedisSubscriber subscriber;
    private LocalSessions sessions;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        subscriber = new RedisSubscriber(RedisEndpoint.of(redis.uri(), "test"), names, Duration.ofMillis(800));
        sessions = new LocalSessions();
        MessageRouter router = new MessageRouter(sessions, ClusterLink.NONE,
                (user, line) -> stored.add(user + ":" + new String(line, StandardCharsets.UTF_8)));
        subscriber.start(router, groupChanges, connects::incrementAndGet);
        assertTrue(subscriber.awaitConnected(Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() throws Exception {
        subscriber.close();
        redis.close();
    }

    @Test
    void subscribeReturnsOnlyOnceRedisHasConfirmed() {
        sessions.add(7, new Outbox() {
            @Override
            public boolean offer(byte[] line) {
                return false;
            }

            @Override
            public boolean deliver(int recipientId, byte[] line) {
                return delivered.add(new String(line, StandardCharsets.UTF_8));
            }
        });
        subscriber.subscribe(7);
        assertEquals(1, redis.subscribers("t:user:7"), "subscribed the moment subscribe returned");
        assertEquals(1, publish("t:user:7", "hello"));
        waitUntil(() -> delivered.equals(List.of("hello")));

        subscriber.unsubscribe(7);
        assertEquals(0, redis.subscribers("t:user:7"), "unsubscribed the moment unsubscribe returned");
        assertEquals(0, publish("t:user:7", "nobody"));
    }

    @Test
    void aMessageForAUserWhoJustLeftThisNodeIsStored() {
        subscriber.subscribe(8);
        publish("t:user:8", "left already");
        waitUntil(() -> stored.equals(List.of("8:left already")));
    }

    @Test
    void everyUserIsSubscribedAgainAfterRedisRestarts() throws Exception {
        subscriber.subscribe(1);
        subscriber.subscribe(2);
        redis.kill();
        waitUntil(() -> !subscriber.isConnected());
        assertThrows(IllegalStateException.class, () -> subscriber.subscribe(3), "no confirmation while Redis is down");
        redis.restart();
        waitUntil(() -> redis.subscribers("t:user:1") == 1 && redis.subscribers("t:user:2") == 1);
        assertEquals(0, redis.subscribers("t:user:3"), "a failed subscribe is not retried");
        assertEquals(1, redis.subscribers("t:node:n1"));
        waitUntil(() -> connects.get() == 2);
    }

    @Test
    void aRedisThatStopsAnsweringIsDroppedAndRejoinedOnceItAnswers() throws Exception {
        subscriber.subscribe(5);
        signal("STOP");
        try {
            for (int i = 0; i < 10 && subscriber.isConnected(); i++) {
                subscriber.checkAlive(Duration.ofMillis(200));
                RedisServer.sleep(100);
            }
            assertTrue(!subscriber.isConnected(), "a silent Redis is noticed by the ping");
        } finally {
            signal("CONT");
        }
        waitUntil(() -> subscriber.isConnected() && redis.subscribers("t:user:5") == 1);
    }

    private void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(redis.pid())).start();
        assertEquals(0, kill.waitFor());
    }

    private long publish(String channel, String message) {
        try (Jedis jedis = redis.client()) {
            return jedis.publish(channel, message);
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

    @Test
    void groupChangesAnnouncedByAnyNodeReachTheListener() throws Exception {
        try (Jedis other = new Jedis(redis.uri())) {
            other.publish(names.groupsChannel(), "7");
            other.publish(names.groupsChannel(), "not a group");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (changedGroups.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        assertEquals(List.of(7), changedGroups);
    }
}
