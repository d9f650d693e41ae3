package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.ChatNode;
import chat.server.testkit.Backend;
import chat.server.testkit.RawClient;
import chat.server.testkit.RedisServer;
import chat.server.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Redis dies and comes back empty while both nodes run (a private redis-server, never the shared one). Nodes
 * keep serving their own users, store what they cannot route, then resubscribe, re-create presence and hand
 * what was stored to users still connected, by themselves; nothing sent during the outage is lost.
 */
@Timeout(60)
class RedisOutageTest {

    @Test
    void nodesRecoverFromARedisRestartAndLoseNoMessage() throws Exception {
        try (RedisServer redis = RedisServer.start();
             TestDatabase database = TestDatabase.create(Backend.MARIADB);
             ChatNode node1 = ClusterTest.startNode(redis, database, "node-1");
             ChatNode node2 = ClusterTest.startNode(redis, database, "node-2");
             RawClient setup = new RawClient(node1.port());
             RawClient a = new RawClient(node1.port());
             RawClient c = new RawClient(node1.port());
             RawClient b = new RawClient(node2.port());
             RawClient late = new RawClient(node1.port())) {
            int ann = setup.register("ann");
            int bob = setup.register("bob");
            int cid = setup.register("cid");
            int dan = setup.register("dan");
            a.loginOk(ann);
            c.loginOk(cid);
            b.loginOk(bob);

            redis.kill();
            assertEquals(13, a.chat(bob, "during the outage").path("msgid").asInt(), "the sender gets its ack");
            assertEquals(13, c.chat(ann, "same node, still live").path("msgid").asInt());
            assertEquals("same node, still live", a.push(6).get("msg").textValue());
            JsonNode refused = late.login(dan);
            assertEquals(10, refused.path("errno").asInt(), "no login without presence: " + refused);
            assertTrue(b.quietFor(Duration.ofMillis(300)), "bob's node could not have received it");

            long restarted = System.nanoTime();
            redis.restart();
            ClusterTest.waitUntil(() -> "node-1".equals(redis.get("chat:presence:" + ann))
                            && "node-1".equals(redis.get("chat:presence:" + cid))
                            && "node-2".equals(redis.get("chat:presence:" + bob))
                            && redis.subscribers("chat:user:" + ann) == 1
                            && redis.subscribers("chat:user:" + bob) == 1
                            && redis.subscribers("chat:user:" + cid) == 1,
                    Duration.ofSeconds(10), "the nodes did not resubscribe and renew presence");
            System.out.printf("nodes resubscribed and renewed presence %d ms after Redis came back%n",
                    (System.nanoTime() - restarted) / 1_000_000);

            a.chat(bob, "after the outage");
            // Bob stayed connected: the chat stored during the outage reaches him once his node is back,
            // not at his next login. It may come before or after the new one.
            JsonNode first = b.push(6);
            JsonNode second = b.push(6);
            assertEquals(Set.of("during the outage", "after the outage"),
                    Set.of(first.get("msg").textValue(), second.get("msg").textValue()));
            late.loginOk(dan);

            long seen = Math.max(first.get("mid").longValue(), second.get("mid").longValue());
            b.answer(b.request("\"msgid\":26,\"mid\":" + seen));
            b.logout();
            b.loginOk(bob);
            assertEquals(List.of(), b.sync(null), "nothing comes again once bob reported it received");
        }
    }
}
