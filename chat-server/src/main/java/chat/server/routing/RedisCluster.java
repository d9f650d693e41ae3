package chat.server.routing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A node's membership of a cluster: the pooled Redis client, the subscriber, cluster-wide presence, the link
 * that publishes to other nodes, and one heartbeat thread that renews presence every third of its TTL, pings
 * the subscription and logs the cross-node traffic.
 */
public final class RedisCluster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisCluster.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(5);

    private final ClusterSettings settings;
    private final RedisEndpoint endpoint;
    private final RedisClient redis;
    private final RedisSubscriber subscriber;
    private final RedisPresence presence;
    private final RedisClusterLink link;
    private final Semaphore beatNow = new Semaphore(0);
    private volatile boolean running;
    private GroupChangeListener groups;
    private Runnable afterReconnect;
    private Thread heartbeat;
    private String lastStats = "";

    private RedisCluster(ClusterSettings settings, RedisEndpoint endpoint, RedisClient redis) {
        RedisNames names = new RedisNames(settings.prefix(), settings.nodeId());
        this.settings = settings;
        this.endpoint = endpoint;
        this.redis = redis;
        this.subscriber = new RedisSubscriber(endpoint, names, SUBSCRIBE_TIMEOUT);
        this.presence = new RedisPresence(redis, names, settings.presenceTtl(), subscriber);
        this.link = new RedisClusterLink(redis, names, subscriber::isConnected);
    }

    /**
     * Connects to Redis and checks that no running node uses this node id (a live node keeps its node channel
     * subscribed; a crashed one lost it with its connection). Throws {@link IllegalStateException} if not.
     */
    public static RedisCluster connect(ClusterSettings settings) {
        RedisEndpoint endpoint = RedisEndpoint.of(settings.redis(), "chat-" + settings.nodeId());
        RedisClient redis = endpoint.pooledClient();
        try {
            redis.ping();
            String nodeChannel = new RedisNames(settings.prefix(), settings.nodeId()).nodeChannel();
            if (subscribers(redis, nodeChannel) > 0) {
                throw new IllegalStateException("node id '" + settings.nodeId() + "' is in use by a running node "
                        + "(channel " + nodeChannel + " has a subscriber); give this node another --node-id");
            }
            return new RedisCluster(settings, endpoint, redis);
        } catch (JedisException e) {
            redis.close();
            throw new IllegalStateException("Cannot reach Redis at " + endpoint + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    public Presence presence() {
        return presence;
    }

    public ClusterLink link() {
        return link;
    }

    /**
     * Subscribes (waiting until Redis confirmed) and starts the heartbeat; messages from other nodes go to
     * {@code router}, their group changes to {@code groups}; {@code afterReconnect} runs after every
     * resubscription, on a thread of its own.
     */
    public void start(MessageRouter router, GroupChangeListener groups, Runnable afterReconnect) {
        this.groups = groups;
        this.afterReconnect = afterReconnect;
        subscriber.start(router, groups, this::reconnected);
        try {
            if (!subscriber.awaitConnected(START_TIMEOUT)) {
                throw new IllegalStateException("could not subscribe to " + endpoint + " within "
                        + START_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while subscribing to " + endpoint, e);
        }
        running = true;
        heartbeat = Thread.ofVirtual().name("chat-cluster-heartbeat").start(this::beat);
        log.info("node {} joined the cluster at {} (prefix '{}'): presence TTL {} ms, renewed every {} ms",
                settings.nodeId(), endpoint, settings.prefix(), settings.presenceTtl().toMillis(),
                settings.heartbeat().toMillis());
    }

    /**
     * After every (re)subscription: group changes made while the subscription was down went unheard, so every
     * cached member list goes; pooled connections opened before a Redis restart are dead and would each fail
     * one command, so they go; then a beat at once, since a restarted Redis has lost every presence key; then
     * {@code afterReconnect}, for chats stored while nodes could not reach each other.
     */
    private void reconnected() {
        groups.allGroupsChanged();
        redis.getPool().clear();
        beatNow.release();
        afterReconnect.run();
    }

    private void beat() {
        long statsEvery = settings.statsInterval().toNanos();
        long nextStats = System.nanoTime() + statsEvery;
        while (running) {
            try {
                beatNow.tryAcquire(settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
                beatNow.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            if (!running) {
                return;
            }
            try {
                presence.renew();
                subscriber.checkAlive(settings.presenceTtl());
                if (statsEvery > 0 && System.nanoTime() - nextStats >= 0) {
                    nextStats = System.nanoTime() + statsEvery;
                    logStats();
                }
            } catch (RuntimeException e) {
                log.warn("node {}: heartbeat failed", settings.nodeId(), e);
            }
        }
    }

    /** One INFO line of cross-node traffic totals, written only when they changed. */
    private void logStats() {
        String stats = String.format("published %d to other nodes, %d to nobody (stored offline), %d failed; "
                        + "received %d from other nodes; %d users here; subscription %s",
                link.delivered(), link.unclaimed(), link.failed(), subscriber.received(), presence.held(),
                subscriber.isConnected() ? "up" : "down");
        if (!stats.equals(lastStats)) {
            lastStats = stats;
            log.info("node {} cluster traffic: {}", settings.nodeId(), stats);
        }
    }

    /**
     * Stops the heartbeat, sends what is queued for other nodes, releases what this node still holds, then
     * closes the subscription and the pool.
     */
    @Override
    public void close() {
        running = false;
        if (heartbeat != null) {
            heartbeat.interrupt();
            try {
                heartbeat.join(settings.heartbeat().toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        link.close();
        presence.close();
        subscriber.close();
        redis.close();
        logStats();
        log.info("node {} left the cluster", settings.nodeId());
    }

    private static long subscribers(RedisClient redis, String channel) {
        Object reply = redis.sendCommand(Protocol.Command.PUBSUB, "NUMSUB", channel);
        if (reply instanceof List<?> list && list.size() == 2 && list.get(1) instanceof Long count) {
            return count;
        }
        throw new IllegalStateException("unexpected PUBSUB NUMSUB reply: " + reply);
    }
}
