package chat.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new Random(42));

    @Test
    void doublesWithJitterWithinHalfAndAllOfTheCeiling() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            long ceiling = Math.min(30_000, 500L << (attempt - 1));
            for (int i = 0; i < 100; i++) {
                long delay = backoff.delay(attempt).toMillis();
                assertTrue(delay >= ceiling / 2 && delay <= ceiling, attempt + ": " + delay);
            }
        }
    }

    @Test
    void neverExceedsTheCapHoweverManyAttempts() {
        assertTrue(backoff.delay(1_000_000).compareTo(Duration.ofSeconds(30)) <= 0);
    }
}
