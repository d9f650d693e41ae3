package chat.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
    private final AtomicLong nowMillis = new AtomicLong(5_000_000);
    private final InstantSource clock = () -> Instant.ofEpochMilli(nowMillis.get());

    @Test
    void aKeySpendsAMinutesWorthAtOnceThenWaitsForTheNextToken() {
        TokenBuckets<String> buckets = new TokenBuckets<>(6, clock);
        for (int i = 0; i < 6; i++) {
            assertEquals(Duration.ZERO, buckets.take("a"));
        }

        assertEquals(Duration.ofSeconds(10), buckets.take("a"));
        nowMillis.addAndGet(4_000);
        assertEquals(Duration.ofSeconds(6), buckets.waitFor("a"));
        nowMillis.addAndGet(6_000);
        assertEquals(Duration.ZERO, buckets.take("a"));
        assertEquals(Duration.ofSeconds(10), buckets.waitFor("a"));
    }

    @Test
    void keysAreCountedApart() {
        TokenBuckets<Integer> buckets = new TokenBuckets<>(1, clock);
        buckets.take(1);

        assertEquals(Duration.ofMinutes(1), buckets.waitFor(1));
        assertEquals(Duration.ZERO, buckets.waitFor(2));
        assertEquals(Duration.ZERO, buckets.take(2));
    }

    @Test
    void lookingDoesNotSpend() {
        TokenBuckets<String> buckets = new TokenBuckets<>(1, clock);

        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, buckets.waitFor("a"));
        }
        assertEquals(Duration.ZERO, buckets.take("a"));
    }

    @Test
    void zeroPerMinuteIsNoLimit() {
        TokenBuckets<String> buckets = new TokenBuckets<>(0, clock);

        for (int i = 0; i < 1_000; i++) {
            assertEquals(Duration.ZERO, buckets.take("a"));
        }
    }

    @Test
    void pastTheKeyBoundIdleKeysAreForgottenAndLimitedOnesKept() {
        TokenBuckets<Integer> buckets = new TokenBuckets<>(2, clock);
        for (int i = 0; i < 60_000; i++) {
            buckets.take(i);
        }
        nowMillis.addAndGet(Duration.ofSeconds(30).toMillis());
        buckets.take(-1);
        buckets.take(-1);
        for (int i = 60_000; i <= TokenBuckets.MAX_KEYS; i++) {
            buckets.take(i);
        }

        assertEquals(Duration.ofSeconds(30), buckets.take(-1));
    }

    @Test
    void whenTooManyKeysAreBusyAllAreForgottenRatherThanMemoryGrowing() {
        TokenBuckets<Integer> buckets = new TokenBuckets<>(1, clock);
        for (int i = 0; i <= TokenBuckets.MAX_KEYS; i++) {
            buckets.take(i);
        }

        assertEquals(Duration.ZERO, buckets.take(0));
    }
}
