package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.testkit.RedisServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger connects = new AtomicInteger();
    private final List<Integer> changedGroups = new CopyOnWriteArrayList<>();
    private final RedisSubscriber.Inbound inbound = new RedisSubscriber.Inbound() {
        @Override
        public void message(int userId, long mid, byte[] line) {
            received.add(userId + ":" + mid + ":" + new String(line, StandardCharsets.UTF_8));
        }

        @Override
        public void event(int userId, byte[] line) {
            received.add(userId + ":event:" + new String(line, StandardCharsets.UTF_8));
        }

        @Override
        public void groupChanged(int groupId) {
            changedGroups.add(groupId);
        }

        @Override
        public void subscribed(long downSinceMillis) {
            connects.incrementAndGet();
        }
    };
    private final RedisNames names = new RedisNames("t", "n1");
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private RedisServer redis;
    private RedisSubscriber subscriber;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        subscriber = new RedisSubscriber(RedisEndpoint.of(redis.uri(), "test"), names, Duration.ofMillis(800),
                inbound);
        subscriber.start(threads);
        assertTrue(subscriber.awaitConnected(Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() throws Exception {
        subscriber.close();
        threads.close();
        redis.close();
    }

    @Test
    void subscribeReturnsOnlyOnceRedisHasConfirmed() {
        subscriber.subscribe(7);
        assertEquals(1, redis.subscribers("t:user:7"), "subscribed the moment subscribe returned");
        assertEquals(1, publish("t:user:7", 42L, "hello"));
        waitUntil(() -> received.equals(List.of("7:42:hello")));

        subscriber.unsubscribe(7);
        assertEquals(0, redis.subscribers("t:user:7"), "unsubscribed the moment unsubscribe returned");
        assertEquals(0, publish("t:user:7", 43L, "nobody"));
    }

    @Test
    void aMessageUnderMidZeroIsAnEventNotAChat() {
        subscriber.subscribe(7);
        publish("t:user:7", RedisPublisher.EVENT, "presence");
        publish("t:user:7", 44L, "chat");

        waitUntil(() -> received.equals(List.of("7:event:presence", "7:44:chat")));
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

    /** A chat as a node publishes it: its mid, then its line. */
    private long publish(String channel, long mid, String line) {
        byte[] text = line.getBytes(StandardCharsets.UTF_8);
        try (Jedis jedis = redis.client()) {
            return jedis.publish(channel.getBytes(StandardCharsets.UTF_8),
                    ByteBuffer.allocate(Long.BYTES + text.length).putLong(mid).put(text).array());
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
