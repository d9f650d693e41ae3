package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.testkit.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;

/** Presence of two "nodes" on a private redis-server; their subscriptions are {@link RedisClusterTest}'s. */
@Timeout(30)
class RedisPresenceTest {
    private static final Duration TTL = Duration.ofMillis(600);

    private RedisServer redis;
    private final List<AutoCloseable> open = new ArrayList<>();
    private RedisPresence a;
    private RedisPresence b;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        a = node("a");
        b = node("b");
    }

    private RedisPresence node(String id) {
        RedisClient client = RedisEndpoint.of(redis.uri(), id).pooledClient();
        open.add(client);
        return new RedisPresence(client, new RedisNames("t", id), TTL);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        redis.close();
    }

    @Test
    void ofManySimultaneousClaimsOnTwoNodesExactlyOneWins() throws Exception {
        for (int user = 1; user <= 20; user++) {
            int id = user;
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Boolean>> claims = new ArrayList<>();
            for (RedisPresence node : List.of(a, b, a, b)) {
                claims.add(CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return node.claim(id);
                }));
            }
            go.countDown();
            long winners = claims.stream().filter(CompletableFuture::join).count();
            assertEquals(1, winners, "user " + id);
        }
    }

    @Test
    void aClaimIsExclusiveUntilReleasedByItsOwner() {
        assertTrue(a.claim(9));
        assertEquals("a", redis.get("t:presence:9"));
        assertFalse(b.claim(9));
        b.release(9);
        assertEquals("a", redis.get("t:presence:9"), "b never held 9, so it releases nothing");
        a.release(9);
        assertNull(redis.get("t:presence:9"));
        assertTrue(b.claim(9));
    }

    @Test
    void releaseNeverDeletesAnotherNodesKey() {
        assertTrue(a.claim(4));
        try (Jedis jedis = redis.client()) {
            jedis.set("t:presence:4", "b"); // as if b had taken 4 over while a's claim was lost
        }
        a.release(4);
        assertEquals("b", redis.get("t:presence:4"));
    }

    @Test
    void theHeartbeatKeepsAClaimThatWouldOtherwiseExpire() {
        assertTrue(a.claim(1));
        assertTrue(b.claim(2));
        for (int i = 0; i < 8; i++) {
            RedisServer.sleep(TTL.toMillis() / 3);
            a.renew();
        }
        assertEquals("a", redis.get("t:presence:1"), "renewed by a's heartbeat");
        assertNull(redis.get("t:presence:2"), "b never renewed: its claim expired");
        assertTrue(a.claim(2), "so 2 can log in on a");
    }

    @Test
    void theHeartbeatRecreatesKeysARestartedRedisLostAndYieldsToAnotherNodesNewClaim() {
        assertTrue(a.claim(1));
        assertTrue(a.claim(2));
        try (Jedis jedis = redis.client()) {
            jedis.flushAll();
        }
        assertTrue(b.claim(2), "2 logged in on b before a's heartbeat");
        assertEquals(Set.of(2), a.renew(), "a gives 2 up");
        assertEquals("a", redis.get("t:presence:1"));
        assertEquals("b", redis.get("t:presence:2"));
        assertEquals(1, a.held());
    }

    @Test
    void onlineReadsRedisAndFallsBackToThisNodesUsersWhenRedisIsDown() throws Exception {
        assertTrue(a.claim(1));
        assertTrue(b.claim(3));
        assertEquals(Set.of(1, 3), a.online(List.of(1, 2, 3)));
        redis.kill();
        assertEquals(Set.of(1), a.online(List.of(1, 2, 3)));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
