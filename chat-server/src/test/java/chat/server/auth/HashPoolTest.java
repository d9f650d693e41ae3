package chat.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.core.ErrorCode;
import chat.core.ProtocolException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class HashPoolTest {

    @Test
    void runsTheHashAndGivesItsResult() throws Exception {
        try (HashPool pool = new HashPool(1, 1)) {
            assertEquals("hashed", pool.run(() -> "hashed"));
        }
    }

    @Test
    void whenThreadsAndQueueAreFullTheNextRequestIsRefusedAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        List<Thread> waiting = new ArrayList<>();
        try (HashPool pool = new HashPool(1, 2)) {
            for (int i = 0; i < 3; i++) {
                waiting.add(Thread.ofVirtual().start(() -> {
                    try {
                        pool.run(() -> {
                            running.countDown();
                            awaitQuietly(release);
                            return true;
                        });
                    } catch (ProtocolException e) {
                        throw new AssertionError(e);
                    }
                }));
                if (i == 0) {
                    assertTrue(running.await(10, TimeUnit.SECONDS), "the first hash runs");
                }
            }
            awaitQueued(waiting);

            ProtocolException busy = assertThrows(ProtocolException.class, () -> pool.run(() -> true));

            assertEquals(ErrorCode.LIMIT_REACHED, busy.code());
            assertTrue(busy.getMessage().contains("busy"), busy.getMessage());
            release.countDown();
            for (Thread t : waiting) {
                assertTrue(t.join(Duration.ofSeconds(10)), "queued hashes still run");
            }
        }
    }

    /** Both later requests are in the queue once their threads wait on their results. */
    private static void awaitQueued(List<Thread> waiting) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (waiting.stream().anyMatch(t -> t.getState() != Thread.State.WAITING)) {
            assertTrue(System.nanoTime() < deadline, "requests queue within 10 s");
            Thread.sleep(10);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
