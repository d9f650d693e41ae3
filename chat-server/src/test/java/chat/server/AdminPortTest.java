package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.auth.PasswordGate;
import chat.server.cluster.ClusterSettings;
import chat.server.storage.DatabaseSettings;
import chat.server.testkit.Backend;
import chat.server.testkit.MariaDbServer;
import chat.server.testkit.RawClient;
import chat.server.testkit.RedisServer;
import chat.server.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a node's admin port. After real traffic over real sockets, {@code /metrics} counts what happened;
 * {@code /health/ready} follows the database and, in a cluster, the Redis subscription, down and back.
 */
@Timeout(120)
class AdminPortTest {
    private static final Duration HTTP_WAIT = Duration.ofSeconds(5);
    /** Counts are updated just after what a client sees (a batch's timer after its acks): a scrape may lag. */
    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(5);
    private static final Duration READINESS_WITHIN = Duration.ofSeconds(30);
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_WAIT).build();

    @Test
    void metricsCountConnectionsLoginsRoutesRefusalsDeliveriesAndStoredBatches(@TempDir Path dataDir)
            throws Exception {
        try (ChatNode node = startNode(DatabaseSettings.embedded(dataDir, DatabaseSettings.DEFAULT_POOL_SIZE), null);
             RawClient ann = new RawClient(node.port());
             RawClient bob = new RawClient(node.port());
             RawClient stranger = new RawClient(node.port())) {
            int annId = ann.register("ann");
            int bobId = bob.register("bob");
            int carolId = bob.register("carol");
            ann.loginOk(annId);
            bob.loginOk(bobId);
            JsonNode wrongPassword = stranger.answer(stranger.request("\"msgid\":1,\"id\":" + carolId
                    + ",\"password\":\"wrong\""));
            assertEquals(1, wrongPassword.path("errno").asInt(), wrongPassword.toString());
            JsonNode notLoggedIn = stranger.answer(stranger.request("\"msgid\":22"));
            assertEquals(5, notLoggedIn.path("errno").asInt(), notLoggedIn.toString());

            assertTrue(ann.chat(bobId, "one").has("mid"), "acked");
            assertTrue(ann.chat(bobId, "two").has("mid"), "acked");
            assertTrue(ann.chat(carolId, "for later").has("mid"), "acked, for carol when she logs in");
            JsonNode nobody = ann.chat(999_999, "to nobody");
            assertEquals(7, nobody.path("errno").asInt(), nobody.toString());
            bob.push(6);
            bob.push(6);

            Scrape scraped = awaitMetrics(node, m -> m.value("chat_store_batch_size_sum") == 3
                    && m.value("chat_delivery_latency_seconds_count") == 2);
            assertEquals(3, scraped.value("chat_connections_total"), scraped.text);
            assertEquals(3, scraped.value("chat_connections_active"), scraped.text);
            assertEquals(2, scraped.value("chat_logins_total", "result", "ok"), scraped.text);
            assertEquals(1, scraped.value("chat_logins_total", "result", "refused"), scraped.text);
            assertEquals(2, scraped.value("chat_chats_routed_total", "route", "local"), scraped.text);
            assertEquals(1, scraped.value("chat_chats_routed_total", "route", "offline"), scraped.text);
            assertEquals(0, scraped.value("chat_chats_routed_total", "route", "cluster"), scraped.text);
            assertEquals(1, scraped.value("chat_requests_refused_total", "code", "1"), "wrong password");
            assertEquals(1, scraped.value("chat_requests_refused_total", "code", "5"), "not logged in");
            assertEquals(1, scraped.value("chat_requests_refused_total", "code", "7"), "no such user");
            assertEquals(0, scraped.value("chat_requests_refused_total", "code", "10"), scraped.text);
            assertEquals(2, scraped.value("chat_delivery_latency_seconds_count"), "bob's two chats, written");
            assertEquals(3, scraped.value("chat_store_batch_size_sum"), "every chat stored");
            assertTrue(scraped.value("chat_store_batch_commit_seconds_count") >= 1, scraped.text);
            assertEquals(0, scraped.value("chat_store_queue"), scraped.text);
            for (String meter : new String[] {"jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads",
                    "jvm_classes_loaded_classes", "process_cpu_usage", "process_uptime_seconds",
                    "process_files_open_files", "hikaricp_connections_active", "chat_outbound_queued_bytes",
                    "chat_outbound_queued_lines"}) {
                assertTrue(scraped.text.contains("\n" + meter), meter + " in:\n" + scraped.text);
            }
            assertFalse(scraped.text.contains("chat_redis_subscribed"), "a node alone has no Redis link");

            assertEquals(200, get(node, "/health/live").statusCode());
            HttpResponse<String> ready = get(node, "/health/ready");
            assertEquals(200, ready.statusCode(), ready.body());
            assertEquals(404, get(node, "/nothing").statusCode());
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(adminUri(node, "/metrics"))
                    .timeout(HTTP_WAIT).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        }
    }

    @Test
    void readinessFailsWhileTheDatabaseIsDownAndRecoversWhenItIsBack() throws Exception {
        try (MariaDbServer mariadb = MariaDbServer.start()) {
            mariadb.createDatabase("chat");
            try (ChatNode node = startNode(new DatabaseSettings(mariadb.url("chat"), "root", "", 4), null)) {
                assertEquals(200, get(node, "/health/ready").statusCode());

                mariadb.stop();

                HttpResponse<String> down = awaitReadiness(node, 503);
                assertTrue(down.body().startsWith("not ready: the database "), down.body());
                assertEquals(200, get(node, "/health/live").statusCode(), "the process still serves");

                mariadb.restart();

                assertEquals("ready\n", awaitReadiness(node, 200).body());
            }
        }
    }

    @Test
    void aClusterNodeCountsChatsToOtherNodesAndIsNotReadyWhileRedisIsAway() throws Exception {
        String prefix = "admin" + System.nanoTime();
        try (RedisServer redis = RedisServer.start();
             TestDatabase database = TestDatabase.create(Backend.MARIADB);
             ChatNode one = startNode(database.settings(), cluster(redis, prefix, "node-1"));
             ChatNode two = startNode(database.settings(), cluster(redis, prefix, "node-2"));
             RawClient ann = new RawClient(one.port());
             RawClient bob = new RawClient(two.port())) {
            int annId = ann.register("ann");
            int bobId = bob.register("bob");
            ann.loginOk(annId);
            bob.loginOk(bobId);
            assertTrue(ann.chat(bobId, "across").has("mid"), "acked");
            bob.push(6);

            Scrape sender = awaitMetrics(one, m -> m.value("chat_chats_routed_total", "route", "cluster") == 1);
            assertEquals(1, sender.value("chat_redis_subscribed"), sender.text);
            assertEquals(1, sender.value("chat_redis_published_total", "outcome", "taken"), sender.text);
            Scrape receiver = awaitMetrics(two, m -> m.value("chat_delivery_latency_seconds_count") == 1);
            assertTrue(receiver.value("chat_redis_received_total") >= 1, receiver.text);

            redis.kill();

            HttpResponse<String> down = awaitReadiness(one, 503);
            assertTrue(down.body().contains("the Redis subscription is down"), down.body());
            assertEquals(0, awaitMetrics(one, m -> m.value("chat_redis_subscribed") == 0)
                    .value("chat_redis_subscribed"));

            redis.restart();

            assertEquals("ready\n", awaitReadiness(one, 200).body());
        }
    }

    private static ClusterSettings cluster(RedisServer redis, String prefix, String nodeId) {
        return new ClusterSettings(redis.uri(), nodeId, prefix, ClusterSettings.DEFAULT_PRESENCE_TTL, Duration.ZERO);
    }

    private static ChatNode startNode(DatabaseSettings database, ClusterSettings cluster) throws IOException {
        return ChatNode.start(new ChatNode.Settings("127.0.0.1", 0, database, 1000, 100, 1 << 20,
                Duration.ofSeconds(2), cluster, PasswordGate.Limits.withThreads(1),
                new InetSocketAddress("127.0.0.1", 0)));
    }

    private HttpResponse<String> get(ChatNode node, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(adminUri(node, path)).timeout(HTTP_WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI adminUri(ChatNode node, String path) {
        return URI.create("http://127.0.0.1:" + node.adminPort() + path);
    }

    private HttpResponse<String> awaitReadiness(ChatNode node, int status) throws Exception {
        long deadline = System.nanoTime() + READINESS_WITHIN.toNanos();
        while (true) {
            HttpResponse<String> response = get(node, "/health/ready");
            if (response.statusCode() == status || System.nanoTime() > deadline) {
                assertEquals(status, response.statusCode(), "within " + READINESS_WITHIN + ": " + response.body());
                return response;
            }
            Thread.sleep(100);
        }
    }

    /** The first scrape that {@code settled} accepts, or the last one after {@link #SETTLED_WITHIN}. */
    private Scrape awaitMetrics(ChatNode node, Predicate<Scrape> settled) throws Exception {
        long deadline = System.nanoTime() + SETTLED_WITHIN.toNanos();
        while (true) {
            HttpResponse<String> response = get(node, "/metrics");
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            Scrape scrape = new Scrape(response.body());
            if (settled.test(scrape) || System.nanoTime() > deadline) {
                return scrape;
            }
            Thread.sleep(50);
        }
    }

    /** One scrape in Prometheus' text format. */
    private record Scrape(String text) {
        /** The sample of {@code name} whose labels include {@code labelsAndValues}; NaN when there is none. */
        double value(String name, String... labelsAndValues) {
            for (String line : text.split("\n")) {
                Matcher sample = SAMPLE.matcher(line);
                if (!sample.matches() || !sample.group(1).equals(name)) {
                    continue;
                }
                Map<String, String> labels = new HashMap<>();
                Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                boolean matches = true;
                for (int i = 0; i < labelsAndValues.length; i += 2) {
                    matches &= labelsAndValues[i + 1].equals(labels.get(labelsAndValues[i]));
                }
                if (matches) {
                    return Double.parseDouble(sample.group(4));
                }
            }
            return Double.NaN;
        }
    }
}
