package chat.server.routing;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Publishes a message on the recipient's channel through the pooled client. A user's channel has a subscriber
 * exactly while some node holds the user, so PUBLISH's reply says whether a node took the message. Zero, or a
 * Redis that does not answer, counts as not taken: the router stores the message offline, and nothing is lost.
 */
final class RedisClusterLink implements ClusterLink {
    private static final Logger log = LoggerFactory.getLogger(RedisClusterLink.class);

    private final RedisClient redis;
    private final RedisNames names;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong unclaimed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean failing;

    RedisClusterLink(RedisClient redis, RedisNames names) {
        this.redis = redis;
        this.names = names;
    }

    @Override
    public boolean publish(int userId, byte[] line) {
        long receivers;
        try {
            receivers = redis.publish(names.userChannelBytes(userId), line);
        } catch (JedisException e) {
            failed.incrementAndGet();
            if (!failing) {
                log.warn("node {} cannot publish to Redis: {}; chats for other nodes are stored offline until it "
                        + "answers", names.nodeId(), e.getMessage());
            }
            failing = true;
            return false;
        }
        if (failing) {
            log.info("node {} publishes to Redis again", names.nodeId());
            failing = false;
        }
        if (receivers > 0) {
            delivered.incrementAndGet();
            log.debug("node {} published a message for user {} to another node", names.nodeId(), userId);
            return true;
        }
        unclaimed.incrementAndGet();
        log.debug("node {}: no node holds user {}; the message is stored offline", names.nodeId(), userId);
        return false;
    }

    /** Messages another node took. */
    long delivered() {
        return delivered.get();
    }

    /** Messages no node took, because nobody held the recipient. */
    long unclaimed() {
        return unclaimed.get();
    }

    /** Messages Redis did not accept. */
    long failed() {
        return failed.get();
    }
}
