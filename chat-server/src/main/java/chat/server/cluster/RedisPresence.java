package chat.server.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Cluster-wide presence in Redis. A claim is the key {@code <prefix>:presence:<id>} set to this node's id with
 * SET NX PX, so of two logins racing on two nodes exactly one wins. The key carries a TTL that {@link #renew} (the node's
 * heartbeat) keeps pushing back by re-setting it, which also re-creates keys a restarted, empty Redis lost. A
 * node killed outright stops renewing, so its users can log in elsewhere at most one TTL after the crash.
 * Release deletes the key only if it still names this node (a Lua compare-and-delete), so a node never
 * releases another node's user.
 *
 * <p>While Redis is unreachable, claims fail (the login is refused with "try again later"), releases leave
 * the key to expire, and {@link #online} answers from this node's own users.
 */
final class RedisPresence implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisPresence.class);
    private static final int KEYS_PER_CALL = 500;

    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""";

    /** Re-sets every key that is this node's or missing; returns the keys another node took meanwhile. */
    private static final String RENEW = """
            local lost = {}
            for _, key in ipairs(KEYS) do
              local owner = redis.call('GET', key)
              if owner == false or owner == ARGV[1] then
                redis.call('SET', key, ARGV[1], 'PX', ARGV[2])
              else
                lost[#lost + 1] = key
              end
            end
            return lost""";

    private final RedisClient redis;
    private final RedisNames names;
    private final Duration ttl;
    private final Set<Integer> held = ConcurrentHashMap.newKeySet();
    private volatile boolean renewing = true;

    RedisPresence(RedisClient redis, RedisNames names, Duration ttl) {
        this.redis = redis;
        this.names = names;
        this.ttl = ttl;
    }

    /**
     * Atomically marks the user online on this node; false when they already are, here or elsewhere.
     *
     * @throws IllegalStateException when Redis does not answer
     */
    boolean claim(int userId) {
        String reply;
        try {
            reply = redis.set(names.presenceKey(userId), names.nodeId(), SetParams.setParams().nx().px(ttl.toMillis()));
        } catch (JedisException e) {
            throw new IllegalStateException("presence is unavailable: Redis did not answer: " + e.getMessage(), e);
        }
        if (reply == null) {
            return false;
        }
        held.add(userId);
        return true;
    }

    /** Marks the user offline, if this node holds their claim. */
    void release(int userId) {
        if (held.remove(userId)) {
            deleteIfMine(userId);
        }
    }

    /** The subset of {@code userIds} that is online now; this node's own users when Redis does not answer. */
    Set<Integer> online(Collection<Integer> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        List<Integer> ids = List.copyOf(userIds);
        try {
            List<String> owners = redis.mget(ids.stream().map(names::presenceKey).toArray(String[]::new));
            Set<Integer> online = new HashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                if (owners.get(i) != null) {
                    online.add(ids.get(i));
                }
            }
            return online;
        } catch (JedisException e) {
            log.debug("presence lookup failed, answering from this node's users: {}", e.toString());
            Set<Integer> online = new HashSet<>(ids);
            online.retainAll(held);
            return online;
        }
    }

    /** The users this node holds a claim for. */
    int held() {
        return held.size();
    }

    /**
     * The heartbeat: pushes the TTL of every claim of this node back to the full TTL, re-creating keys a
     * restarted Redis lost. A key another node took meanwhile (possible only after Redis lost its data) is
     * given up here.
     *
     * @return the users given up, whose channels this node must stop taking
     */
    Set<Integer> renew() {
        List<Integer> ids = new ArrayList<>(held);
        List<String> lost = new ArrayList<>();
        try {
            for (int from = 0; from < ids.size(); from += KEYS_PER_CALL) {
                List<Integer> batch = ids.subList(from, Math.min(ids.size(), from + KEYS_PER_CALL));
                Object reply = redis.eval(RENEW, batch.stream().map(names::presenceKey).toList(),
                        List.of(names.nodeId(), Long.toString(ttl.toMillis())));
                if (reply instanceof List<?> taken) {
                    taken.forEach(key -> lost.add(String.valueOf(key)));
                }
                // A user released while the script ran may have had their key re-created: delete it again.
                batch.stream().filter(id -> !held.contains(id)).forEach(this::deleteIfMine);
            }
        } catch (JedisException e) {
            if (renewing) {
                log.warn("node {} could not renew presence of its {} users: {}; they stay online here and are "
                        + "renewed once Redis answers", names.nodeId(), ids.size(), e.getMessage());
            }
            renewing = false;
            return Set.of();
        }
        if (!renewing) {
            log.info("node {} renewed presence of its {} users again", names.nodeId(), ids.size());
        }
        renewing = true;
        Set<Integer> givenUp = new HashSet<>();
        for (String key : lost) {
            int userId = Integer.parseInt(key.substring(key.lastIndexOf(':') + 1));
            if (held.remove(userId)) {
                log.warn("node {}: another node claimed user {} while Redis was without this node's claim; their "
                        + "chats from other nodes now go there", names.nodeId(), userId);
                givenUp.add(userId);
            }
        }
        return givenUp;
    }

    /** Releases whatever is still held; the node is stopping. */
    @Override
    public void close() {
        new ArrayList<>(held).forEach(this::release);
    }

    private void deleteIfMine(int userId) {
        try {
            redis.eval(RELEASE, List.of(names.presenceKey(userId)), List.of(names.nodeId()));
        } catch (JedisException e) {
            log.warn("node {} could not release presence of user {}: {}; it expires within {} ms", names.nodeId(),
                    userId, e.getMessage(), ttl.toMillis());
        }
    }
}
