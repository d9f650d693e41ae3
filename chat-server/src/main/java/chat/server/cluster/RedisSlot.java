package chat.server.cluster;

import chat.server.storage.MessageIds;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * This node's slot in message ids, so that no two running nodes give the same id: a lease on the key
 * {@code <prefix>:slot:<n>} (n from 1; 0 is a node alone), set with SET NX PX and renewed by the heartbeat like
 * presence. A node killed outright frees its slot one TTL later. Should a restarted, empty Redis hand this
 * node's slot to a node joining before this one's next beat, the renewal notices and takes another slot; until
 * then the two may give the same id, which the database refuses as a duplicate key and the senders hear as
 * "not stored", never as a lost chat.
 */
final class RedisSlot {
    private static final Logger log = LoggerFactory.getLogger(RedisSlot.class);

    private static final String RENEW = """
            local owner = redis.call('GET', KEYS[1])
            if owner == false or owner == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
              return 1
            end
            return 0""";

    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""";

    private final RedisClient redis;
    private final RedisNames names;
    private final Duration ttl;
    private volatile int slot;

    RedisSlot(RedisClient redis, RedisNames names, Duration ttl) {
        this.redis = redis;
        this.names = names;
        this.ttl = ttl;
    }

    /** Leases the lowest free slot; throws {@link IllegalStateException} when every slot is leased. */
    void claim() {
        for (int candidate = 1; candidate <= MessageIds.MAX_SLOT; candidate++) {
            if (redis.set(names.slotKey(candidate), names.nodeId(),
                    SetParams.setParams().nx().px(ttl.toMillis())) != null) {
                slot = candidate;
                log.info("node {} gives message ids in slot {}", names.nodeId(), candidate);
                return;
            }
        }
        throw new IllegalStateException("all " + MessageIds.MAX_SLOT + " message id slots are leased by running "
                + "nodes; a cluster holds at most that many");
    }

    int get() {
        return slot;
    }

    /** Keeps the lease, re-creating a key a restarted Redis lost; takes another slot if someone took this one. */
    void renew() {
        try {
            Object kept = redis.eval(RENEW, List.of(names.slotKey(slot)),
                    List.of(names.nodeId(), Long.toString(ttl.toMillis())));
            if (Long.valueOf(0).equals(kept)) {
                log.warn("node {}: another node leased message id slot {} while Redis was without this node's lease; "
                        + "taking another", names.nodeId(), slot);
                claim();
            }
        } catch (JedisException e) {
            log.debug("node {} could not renew its id slot: {}", names.nodeId(), e.toString());
        }
    }

    void release() {
        try {
            redis.eval(RELEASE, List.of(names.slotKey(slot)), List.of(names.nodeId()));
        } catch (JedisException e) {
            log.debug("node {} could not release its id slot; it expires within {} ms", names.nodeId(),
                    ttl.toMillis());
        }
    }
}
