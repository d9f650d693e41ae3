package chat.server.auth;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (an address, an account): each holds up to {@code perMinute} tokens and regains
 * {@code perMinute} a minute, so a key may spend a minute's worth at once and then one every
 * {@code 60 / perMinute} seconds. {@code perMinute} 0 means no limit. Thread-safe.
 *
 * <p>Memory is bounded: past {@value #MAX_KEYS} keys, full buckets (keys idle long enough to have regained
 * everything) are forgotten, and if that is not enough, all of them. Only an attack from that many addresses,
 * or on that many accounts, at once gets there, and the limits start afresh for it.
 */
final class TokenBuckets<K> {
    static final int MAX_KEYS = 100_000;

    private record Bucket(double tokens, long atMillis) {
    }

    private final int perMinute;
    private final InstantSource clock;
    private final ConcurrentHashMap<K, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(int perMinute, InstantSource clock) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("perMinute must not be negative, was " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Zero when {@code key} has a token; else how long until it has one. Takes nothing. */
    Duration waitFor(K key) {
        if (perMinute == 0) {
            return Duration.ZERO;
        }
        long now = clock.millis();
        Bucket bucket = buckets.get(key);
        return bucket == null ? Duration.ZERO : waitFor(refill(bucket, now));
    }

    /** Takes a token from {@code key}'s bucket: zero when there was one; else how long until there is. */
    Duration take(K key) {
        if (perMinute == 0) {
            return Duration.ZERO;
        }
        long now = clock.millis();
        Duration[] wait = {Duration.ZERO};
        buckets.compute(key, (k, bucket) -> {
            Bucket current = bucket == null ? new Bucket(perMinute, now) : refill(bucket, now);
            if (current.tokens() >= 1) {
                return new Bucket(current.tokens() - 1, now);
            }
            wait[0] = waitFor(current);
            return current;
        });
        if (buckets.size() > MAX_KEYS) {
            forgetIdle(now);
        }
        return wait[0];
    }

    private Bucket refill(Bucket bucket, long now) {
        double regained = (now - bucket.atMillis()) * perMinute / 60_000.0;
        return new Bucket(Math.min(perMinute, bucket.tokens() + regained), now);
    }

    private Duration waitFor(Bucket bucket) {
        if (bucket.tokens() >= 1) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) Math.ceil((1 - bucket.tokens()) * 60_000.0 / perMinute));
    }

    private void forgetIdle(long now) {
        buckets.values().removeIf(bucket -> refill(bucket, now).tokens() >= perMinute);
        if (buckets.size() > MAX_KEYS / 2) {
            buckets.clear();
        }
    }
}
