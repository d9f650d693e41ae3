package chat.server.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a node joins a cluster.
 *
 * @param redis         the Redis every node of the cluster shares, e.g. {@code redis://127.0.0.1:6379}
 * @param nodeId        this node's name in logs and in presence keys; unique among the running nodes
 * @param prefix        first part of every Redis key and channel, so several clusters can share one Redis
 * @param presenceTtl   how long a user's presence outlives its node's last heartbeat: after a crash, the
 *                      node's users can log in elsewhere within this time
 * @param statsInterval how often the node logs its cross-node traffic; zero turns that line off
 */
public record ClusterSettings(URI redis, String nodeId, String prefix, Duration presenceTtl, Duration statsInterval) {
    public static final String DEFAULT_PREFIX = "chat";
    public static final long DEFAULT_PRESENCE_TTL_MILLIS = 6000;
    public static final Duration DEFAULT_PRESENCE_TTL = Duration.ofMillis(DEFAULT_PRESENCE_TTL_MILLIS);
    public static final long DEFAULT_STATS_INTERVAL_SECONDS = 60;
    private static final Duration MIN_PRESENCE_TTL = Duration.ofMillis(300);

    public ClusterSettings {
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(presenceTtl, "presenceTtl");
        Objects.requireNonNull(statsInterval, "statsInterval");
        if (!"redis".equals(redis.getScheme()) || redis.getHost() == null) {
            throw new IllegalArgumentException("the Redis address must look like redis://HOST:PORT, was " + redis);
        }
        if (nodeId.isBlank() || prefix.isBlank()) {
            throw new IllegalArgumentException("node id and prefix must not be blank");
        }
        if (presenceTtl.compareTo(MIN_PRESENCE_TTL) < 0) {
            throw new IllegalArgumentException("the presence TTL must be at least " + MIN_PRESENCE_TTL.toMillis()
                    + " ms, was " + presenceTtl.toMillis() + " ms");
        }
        if (statsInterval.isNegative()) {
            throw new IllegalArgumentException("the stats interval must not be negative");
        }
    }

    /** The Redis address without the user and password it may carry, for logs. */
    public String shownRedis() {
        int port = redis.getPort() < 0 ? RedisEndpoint.DEFAULT_PORT : redis.getPort();
        String path = redis.getPath() == null ? "" : redis.getPath();
        return "redis://" + redis.getHost() + ":" + port + path;
    }

    /** Presence keys are renewed three times per TTL, so two missed beats in a row still lose nothing. */
    public Duration heartbeat() {
        return presenceTtl.dividedBy(3);
    }
}
