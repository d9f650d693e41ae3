package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.storage.MessageIds;
import chat.server.testkit.Backend;
import chat.server.testkit.ChatOutcome;
import chat.server.testkit.Ports;
import chat.server.testkit.RawClient;
import chat.server.testkit.RedisServer;
import chat.server.testkit.ServerProcess;
import chat.server.testkit.SyncingClient;
import chat.server.testkit.TestDatabase;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The delivery guarantee end to end, under every fault at once: two nodes in processes of their own on a fresh
 * MariaDB database and a private Redis, users of our client (its rules in {@link SyncingClient}) chatting a few
 * hundred times a second, while node 2 is killed with kill -9 and started again, Redis dies and comes back empty,
 * and every database connection is cut. At the end, after the clients have synced, every chat acked to its sender
 * has reached its recipient exactly once, and nothing reached anyone that was not sent to them.
 */
class FaultTest {
    private static final String TTL_MILLIS = "2000";
    private static final int USERS_PER_NODE = 6;
    /** Log in only once node 2 is back, on it: chats to them wait meanwhile, and node 2 gets users again. */
    private static final int LATE_USERS = 4;
    private static final Duration SEND_EVERY = Duration.ofMillis(40);
    private static final Duration TRAFFIC = Duration.ofSeconds(26);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChatLedger ledger = new ChatLedger();
    private final ConcurrentLinkedQueue<String> timeline = new ConcurrentLinkedQueue<>();
    private final List<ServerProcess> processes = new ArrayList<>();
    private final List<SyncingClient> clients = new ArrayList<>();
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("fault-test-sender-", 0).factory());
    private final int port1 = Ports.free();
    private final int port2 = Ports.free();
    private volatile boolean sending = true;
    private long start;

    @Test
    @Timeout(90)
    void everyAckedChatReachesItsRecipientExactlyOnceThroughANodeKillARedisRestartAndADatabaseCut()
            throws Exception {
        boolean passed = false;
        try (RedisServer redis = RedisServer.start(); TestDatabase database = TestDatabase.create(Backend.MARIADB)) {
            try {
                node(port1, database, redis, "node-1");
                ServerProcess node2 = node(port2, database, redis, "node-2");
                List<Integer> users = register(port1, 2 * USERS_PER_NODE + LATE_USERS);
                start = System.currentTimeMillis();
                for (int i = 0; i < 2 * USERS_PER_NODE; i++) {
                    logInAndSend(users.get(i), i < USERS_PER_NODE ? List.of(port1, port2) : List.of(port2, port1),
                            users);
                }
                runFaults(database, redis, node2, users);
                sending = false;
                senders.shutdown();
                assertTrue(senders.awaitTermination(WAIT.toMillis(), TimeUnit.MILLISECONDS), "senders stopped");
                event("traffic stopped");
                int open = ledger.awaitOutcomes(System.nanoTime() + WAIT.toNanos());
                for (SyncingClient client : clients) {
                    assertTrue(client.awaitCaughtUp(WAIT), "user " + client.userId() + " caught up: "
                            + client.failure() + " " + client.events());
                }
                for (SyncingClient client : clients) {
                    assertTrue(client.syncNow(), "user " + client.userId() + "'s final sync read to the end");
                }
                event("final syncs done");
                ChatLedger.Tally tally = ledger.reckon(clients);
                int logins = clients.stream().mapToInt(SyncingClient::logins).sum();
                System.out.println("fault test: " + tally.summary() + ", still unanswered at the end " + open
                        + "; logins " + logins + "; timeline " + timeline);
                assertTrue(logins >= users.size() + USERS_PER_NODE, "node 2's users logged in again elsewhere");
                assertEquals(List.of(), describe(tally.problems(), database), tally.summary());
                passed = true;
            } finally {
                sending = false;
                senders.shutdownNow();
                if (!passed) {
                    printNodeLogs();
                }
                for (SyncingClient client : clients) {
                    client.close();
                }
                for (ServerProcess process : processes) {
                    process.close();
                }
            }
        }
    }

    /** The faults, spaced so that each has settled before the next: a node kill, a Redis restart, a DB cut. */
    private void runFaults(TestDatabase database, RedisServer redis, ServerProcess node2, List<Integer> users)
            throws IOException, InterruptedException {
        sleepUntil(4_000);
        node2.killHard();
        event("node-2 killed (kill -9)");
        sleepUntil(8_000);
        node(port2, database, redis, "node-2");
        event("node-2 started again");
        for (int i = 2 * USERS_PER_NODE; i < users.size(); i++) {
            logInAndSend(users.get(i), List.of(port2, port1), users);
        }
        sleepUntil(14_000);
        redis.kill();
        event("Redis killed");
        RedisServer.sleep(1_000);
        redis.restart();
        event("Redis started again, empty");
        sleepUntil(20_000);
        int cut = database.killConnections();
        event("database connections cut: " + cut);
        assertTrue(cut > 0, "the nodes held database connections");
        sleepUntil(TRAFFIC.toMillis());
    }

    private ServerProcess node(int port, TestDatabase database, RedisServer redis, String id) throws IOException {
        ServerProcess node = ServerProcess.clusterNode(port, database.settings().url(), redis.uri(), id,
                "--presence-ttl-ms", TTL_MILLIS);
        processes.add(node);
        return node;
    }

    private static List<Integer> register(int port, int count) throws IOException {
        String run = Long.toString(System.nanoTime() % 1_000_000, 36);
        List<Integer> ids = new ArrayList<>();
        try (RawClient setup = new RawClient(port)) {
            for (int i = 0; i < count; i++) {
                ids.add(setup.register("f" + run + "u" + i));
            }
        }
        return ids;
    }

    /** Logs the user in and starts sending a chat every {@link #SEND_EVERY} to a random other user. */
    private void logInAndSend(int user, List<Integer> ports, List<Integer> users) {
        SyncingClient client = SyncingClient.start(user, RawClient.PASSWORD, ports);
        clients.add(client);
        senders.execute(() -> {
            int counter = 0;
            while (sending) {
                if (client.loggedIn()) {
                    int to = users.get(ThreadLocalRandom.current().nextInt(users.size() - 1));
                    to = to == user ? users.getLast() : to;
                    String text = "from " + user + " #" + ++counter;
                    int port = client.port();
                    ledger.add(new ChatLedger.Sent(text, user, to, System.currentTimeMillis(), port,
                            client.chat(to, text)));
                }
                RedisServer.sleep(SEND_EVERY.toMillis());
            }
        });
    }

    private void sleepUntil(long sinceStartMillis) {
        long left = start + sinceStartMillis - System.currentTimeMillis();
        if (left > 0) {
            RedisServer.sleep(left);
        }
    }

    private void event(String what) {
        timeline.add(at(System.currentTimeMillis()) + " " + what);
    }

    /** A moment as milliseconds since the traffic started. */
    private String at(long epochMillis) {
        return String.format("%+d ms", epochMillis - start);
    }

    /** Each problem with its story: when, through which node, whether it is stored, the recipient's links. */
    private List<String> describe(List<ChatLedger.Problem> problems, TestDatabase database) {
        return problems.stream().limit(40).map(problem -> {
            ChatLedger.Sent sent = problem.sent();
            if (sent == null) {
                return problem.what() + ": " + problem.delivered();
            }
            String mid = sent.settled() instanceof ChatOutcome.Acked(long m)
                    ? m + " (given " + at(MessageIds.millisOf(m)) + ", slot " + MessageIds.slotOf(m) + ")" : "-";
            return String.format("'%s' to %d %s: sent %s through %s, mid %s, %s; stored: %s; recipient: %s",
                    sent.text(), sent.to(), problem.what(), at(sent.atMillis()), nodeAt(sent.port()), mid,
                    sent.settled(), stored(database, sent.text()), eventsOf(sent.to()));
        }).toList();
    }

    private String eventsOf(int user) {
        return clients.stream().filter(c -> c.userId() == user).findFirst()
                .map(c -> c.events().stream().map(e -> at(e.atMillis()) + " " + e.what())
                        .collect(Collectors.joining("; ")))
                .orElse("no client");
    }

    private String nodeAt(int port) {
        return port == port1 ? "node-1" : port == port2 ? "node-2" : "no node (port " + port + ")";
    }

    private static List<Long> stored(TestDatabase database, String text) {
        return database.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM chatmessage WHERE body = :b")
                .bind("b", text).mapTo(Long.class).list());
    }

    private void printNodeLogs() throws IOException {
        for (ServerProcess process : processes) {
            System.out.println("---- output of the node on port " + process.port() + " (pid " + process.pid()
                    + ") ----\n" + process.output());
        }
    }
}
