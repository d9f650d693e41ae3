package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.auth.PasswordGate;
import chat.server.storage.DatabaseSettings;
import chat.server.testkit.RawClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 finding 5: eight connections guessing passwords used to take every core, and chats between
 * logged-in users waited behind the hashes (p50 845 ms). With hashing on its own small pool, a logged-in pair
 * keeps chatting. Rate limits are off here, so that the pool alone is what is tested; the bound on the chats
 * is generous (ten seconds for forty round trips, which take well under a second unattacked).
 */
@Timeout(90)
class PasswordGuessingTest {
    /** About 250 ms a hash on the 2-core build box, so eight guessers keep every core busy without the pool. */
    private static final int EXPENSIVE_ITERATIONS = 1_000_000;
    private static final int GUESSERS = 8;
    private static final int CHATS = 40;
    private static final Duration CHATS_WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    @Test
    void chatsOfALoggedInPairAreAnsweredWhileEightConnectionsGuessPasswords() throws Exception {
        PasswordGate.Limits poolOnly = new PasswordGate.Limits(PasswordGate.Limits.defaultHashThreads(),
                PasswordGate.Limits.QUEUE_PER_THREAD, 0, 0, 0);
        try (ChatNode node = ChatNode.start(new ChatNode.Settings("127.0.0.1", 0,
                DatabaseSettings.embedded(dataDir, DatabaseSettings.DEFAULT_POOL_SIZE),
                EXPENSIVE_ITERATIONS, 100, 1 << 20, Duration.ofSeconds(2), null, poolOnly));
             RawClient ann = new RawClient(node.port());
             RawClient bob = new RawClient(node.port())) {
            int annId = ann.register("ann");
            int bobId = bob.register("bob");
            ann.loginOk(annId);
            bob.loginOk(bobId);

            AtomicBoolean attacking = new AtomicBoolean(true);
            AtomicInteger refusals = new AtomicInteger();
            List<RawClient> guessers = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            try {
                for (int i = 0; i < GUESSERS; i++) {
                    RawClient guesser = new RawClient(node.port());
                    guessers.add(guesser);
                    threads.add(Thread.ofPlatform().name("guesser-" + i).start(
                            () -> guess(guesser, annId, attacking, refusals)));
                }
                awaitRefusals(refusals, GUESSERS);

                long start = System.nanoTime();
                for (int i = 0; i < CHATS; i++) {
                    JsonNode ack = ann.chat(bobId, "hi " + i);
                    assertEquals(13, ack.path("msgid").asInt(), ack.toString());
                    assertEquals("hi " + i, bob.push(6).path("msg").asText());
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(took.compareTo(CHATS_WITHIN) < 0, CHATS + " chats answered while passwords were being "
                        + "guessed took " + took.toMillis() + " ms");
            } finally {
                attacking.set(false);
                for (RawClient guesser : guessers) {
                    guesser.close();
                }
                for (Thread thread : threads) {
                    thread.join(Duration.ofSeconds(10));
                }
            }
        }
    }

    /** Wrong passwords, one after another, each waiting for its refusal; read timeouts are part of the attack. */
    private static void guess(RawClient guesser, int victim, AtomicBoolean attacking, AtomicInteger refusals) {
        int attempt = 0;
        while (attacking.get()) {
            try {
                int seq = guesser.request("\"msgid\":1,\"id\":" + victim + ",\"password\":\"guess" + attempt++ + "\"");
                if (guesser.answer(seq).path("errno").asInt() != 0) {
                    refusals.incrementAndGet();
                }
            } catch (SocketTimeoutException slow) {
                // the refusal is late; the next read skips it
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void awaitRefusals(AtomicInteger refusals, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (refusals.get() < count) {
            assertTrue(System.nanoTime() < deadline, "the guessers are answered within 30 s");
            Thread.sleep(20);
        }
    }
}
