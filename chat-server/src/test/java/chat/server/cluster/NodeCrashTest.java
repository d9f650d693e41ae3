package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.ChatNode;
import chat.server.testkit.Backend;
import chat.server.testkit.Ports;
import chat.server.testkit.RawClient;
import chat.server.testkit.RedisServer;
import chat.server.testkit.ServerProcess;
import chat.server.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 of a node: nothing of it runs any more, yet its users can log in on another node once their presence
 * keys expire, which is at most one presence TTL (6 s by default) after the crash; chats sent to them meanwhile
 * are stored, not lost.
 */
@Timeout(60)
class NodeCrashTest {

    @Test
    void usersOfAKilledNodeLogInElsewhereWithinOnePresenceTtl() throws Exception {
        Duration ttl = ClusterSettings.DEFAULT_PRESENCE_TTL;
        try (RedisServer redis = RedisServer.start();
             TestDatabase database = TestDatabase.create(Backend.MARIADB);
             ChatNode survivor = ClusterTest.startNode(redis, database, "survivor");
             ServerProcess victim = ServerProcess.clusterNode(Ports.free(), database.settings().url(), redis.uri(),
                     "victim");
             RawClient setup = new RawClient(survivor.port());
             RawClient onVictim = new RawClient(victim.port());
             RawClient friend = new RawClient(survivor.port());
             RawClient comeback = new RawClient(survivor.port())) {
            int user = setup.register("crashed");
            int other = setup.register("waiting");
            onVictim.loginOk(user);
            friend.loginOk(other);
            assertEquals("victim", redis.get("chat:presence:" + user));
            assertEquals(1, redis.subscribers("chat:user:" + user));

            victim.killHard();
            long killed = System.nanoTime();
            // Redis dropped the dead node's connection, and with it the subscription: chats are stored from now on.
            ClusterTest.waitUntil(() -> redis.subscribers("chat:user:" + user) == 0, Duration.ofSeconds(2),
                    "the killed node's subscription is still there");
            friend.chat(user, "sent while you were crashing");
            assertEquals(2, comeback.login(user).get("errno").intValue(),
                    "the crashed node's claim holds until its TTL runs out");

            JsonNode ack;
            do {
                RedisServer.sleep(100);
                ack = comeback.login(user);
            } while (ack.get("errno").intValue() == 2 && System.nanoTime() - killed < ttl.plusSeconds(5).toNanos());
            long tookMillis = (System.nanoTime() - killed) / 1_000_000;
            System.out.printf("re-login on another node %d ms after kill -9 (presence TTL %d ms, heartbeat %d ms)%n",
                    tookMillis, ttl.toMillis(), ttl.dividedBy(3).toMillis());
            assertEquals(0, ack.get("errno").intValue(), ack.toString());
            assertTrue(tookMillis <= ttl.toMillis() + 1000, "re-login took " + tookMillis + " ms");
            assertEquals("survivor", redis.get("chat:presence:" + user));
            assertEquals(List.of("sent while you were crashing"), comeback.syncedTexts(null));
        }
    }
}
