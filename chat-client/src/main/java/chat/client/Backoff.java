package chat.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": the delay doubles each attempt up to a cap, and a random half of it
 * is dropped, so clients cut off by the same outage do not all come back in the same instant.
 */
final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The wait before attempt {@code attempt}, counting from 1. */
    Duration delay(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << doublings);
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(half + 1));
    }
}
