package chat.server.cluster;

import chat.server.delivery.Mailbox;
import chat.server.delivery.Outbox;
import chat.server.ops.Metrics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A node's membership of a cluster of nodes sharing one Redis: who is logged in where ({@link RedisPresence}),
 * the user channels this node listens on ({@link RedisSubscriber}), the way to the other nodes
 * ({@link RedisPublisher}), and a heartbeat that renews presence every third of its TTL, pings the subscription
 * and logs the cross-node traffic. See {@link RedisNames} for the keys and channels.
 */
final class RedisCluster implements Cluster, RedisSubscriber.Inbound {
    private static final Logger log = LoggerFactory.getLogger(RedisCluster.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final ClusterSettings settings;
    private final RedisEndpoint endpoint;
    private final RedisClient redis;
    private final Mailbox mailbox;
    private final Metrics metrics;
    private final LocalSessions sessions;
    private final MembershipVersions versions = new MembershipVersions();
    private final RedisSubscriber subscriber;
    private final RedisPresence presence;
    private final RedisPublisher publisher;
    private final RedisSlot slot;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("chat-cluster-", 0).factory());
    private final Semaphore beatNow = new Semaphore(0);
    private volatile boolean running = true;
    private String lastStats = "";

    private RedisCluster(ClusterSettings settings, RedisEndpoint endpoint, RedisClient redis, Mailbox mailbox,
                         Metrics metrics) {
        RedisNames names = new RedisNames(settings.prefix(), settings.nodeId());
        this.settings = settings;
        this.endpoint = endpoint;
        this.redis = redis;
        this.mailbox = mailbox;
        this.metrics = metrics;
        this.sessions = new LocalSessions(mailbox);
        this.subscriber = new RedisSubscriber(endpoint, names, SUBSCRIBE_TIMEOUT, this);
        this.presence = new RedisPresence(redis, names, settings.presenceTtl());
        this.publisher = new RedisPublisher(redis, names);
        this.slot = new RedisSlot(redis, names, settings.presenceTtl());
    }

    /** See {@link Cluster#redis}. */
    static RedisCluster join(ClusterSettings settings, Mailbox mailbox, Metrics metrics) {
        RedisEndpoint endpoint = RedisEndpoint.of(settings.redis(), "chat-" + settings.nodeId());
        RedisClient redis = endpoint.pooledClient();
        try {
            checkNodeIdFree(redis, settings);
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
        RedisCluster cluster = new RedisCluster(settings, endpoint, redis, mailbox, metrics);
        try {
            cluster.start();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /**
     * A live node keeps its node channel subscribed; a crashed one lost it with its connection, so a subscriber
     * there means the id is in use.
     */
    private static void checkNodeIdFree(RedisClient redis, ClusterSettings settings) {
        String nodeChannel = new RedisNames(settings.prefix(), settings.nodeId()).nodeChannel();
        try {
            redis.ping();
            if (subscribers(redis, nodeChannel) > 0) {
                throw new IllegalStateException("node id '" + settings.nodeId() + "' is in use by a running node "
                        + "(channel " + nodeChannel + " has a subscriber); give this node another --node-id");
            }
        } catch (JedisException e) {
            throw new IllegalStateException("Cannot reach Redis at " + redis + ": " + e.getMessage(), e);
        }
    }

    private void start() {
        slot.claim();
        publisher.start();
        subscriber.start(threads);
        try {
            if (!subscriber.awaitConnected(START_TIMEOUT)) {
                throw new IllegalStateException("could not subscribe to " + endpoint + " within "
                        + START_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while subscribing to " + endpoint, e);
        }
        threads.execute(this::beat);
        metrics.watchRedis(subscriber::isConnected, publisher::delivered, publisher::unclaimed, publisher::failed,
                subscriber::received);
        log.info("node {} joined the cluster at {} (prefix '{}'): presence TTL {} ms, renewed every {} ms",
                settings.nodeId(), endpoint, settings.prefix(), settings.presenceTtl().toMillis(),
                settings.heartbeat().toMillis());
    }

    /**
     * Claim, then subscription, then the local session: a chat published between the subscription and the
     * local session finds nobody here and counts as missed, so it is after the cursor the login reads once
     * this returns.
     */
    @Override
    public boolean register(int userId, Outbox outbox, boolean takesEvents) {
        if (sessions.contains(userId) || !presence.claim(userId)) {
            return false;
        }
        try {
            subscriber.subscribe(userId);
        } catch (RuntimeException e) {
            presence.release(userId);
            throw e;
        }
        // The claim is exclusive, so nobody can have come in between; should Redis have lost the key and a
        // second login here raced this one anyway, claim and subscription now serve that other session.
        return sessions.add(userId, outbox, takesEvents);
    }

    /** Unsubscribed before the claim goes: once it is gone another node may claim the user, and must be alone. */
    @Override
    public void unregister(int userId, Outbox outbox) {
        if (sessions.remove(userId, outbox)) {
            subscriber.unsubscribe(userId);
            presence.release(userId);
        }
    }

    /** The user's channel has a subscriber exactly while a node holds them, so PUBLISH says if one took it. */
    @Override
    public void send(int userId, long mid, byte[] line) {
        if (sessions.deliver(userId, mid, line)) {
            metrics.routed(Metrics.Route.LOCAL);
            return;
        }
        switch (publisher.publish(userId, mid, line)) {
            case TAKEN -> metrics.routed(Metrics.Route.CLUSTER);
            case NOBODY -> {
                mailbox.missed(userId, mid, Mailbox.Miss.NOBODY_TOOK_IT);
                metrics.routed(Metrics.Route.OFFLINE);
            }
            case FAILED -> {
                mailbox.missed(userId, mid, Mailbox.Miss.UNREACHABLE);
                metrics.routed(Metrics.Route.OFFLINE);
            }
        }
    }

    @Override
    public void sendEvent(int userId, byte[] line) {
        if (!sessions.event(userId, line)) {
            publisher.publishEvent(userId, line);
        }
    }

    @Override
    public int slot() {
        return slot.get();
    }

    @Override
    public Set<Integer> online(Collection<Integer> userIds) {
        return presence.online(userIds);
    }

    @Override
    public void announceGroupChange(int groupId) {
        versions.changed(groupId);
        publisher.announceGroupChange(groupId);
    }

    @Override
    public OptionalLong membershipVersion(int groupId) {
        return subscriber.isConnected() ? OptionalLong.of(versions.of(groupId)) : OptionalLong.empty();
    }

    @Override
    public boolean linked() {
        return subscriber.isConnected();
    }

    @Override
    public void message(int userId, long mid, byte[] line) {
        sessions.deliverOrMiss(userId, mid, line);
    }

    @Override
    public void event(int userId, byte[] line) {
        sessions.event(userId, line);
    }

    @Override
    public void groupChanged(int groupId) {
        versions.changed(groupId);
    }

    /**
     * Group changes made while the subscription was down went unheard, so every remembered member list is
     * outdated at once; the rest runs on a thread of its own, off the reader: pooled connections opened before
     * a Redis restart are dead and would each fail one command, so they go; a beat at once, since a restarted
     * Redis has lost every presence key; then the chats other nodes could not publish to this node meanwhile
     * go to its connected users.
     */
    @Override
    public void subscribed(long downSinceMillis) {
        versions.allChanged();
        if (running) {
            threads.execute(() -> afterSubscribed(downSinceMillis));
        }
    }

    private void afterSubscribed(long downSinceMillis) {
        redis.getPool().clear();
        beatNow.release();
        if (downSinceMillis == 0) {
            return;
        }
        int sent = sessions.resendFromOtherNodes(downSinceMillis, slot.get());
        if (sent > 0) {
            log.info("node {} delivered {} chats from other nodes that could not reach it while the link was down",
                    settings.nodeId(), sent);
        }
    }

    private void beat() {
        Thread.currentThread().setName("chat-cluster-heartbeat");
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
                presence.renew().forEach(subscriber::unsubscribe);
                slot.renew();
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
        String stats = String.format("published %d to other nodes, %d to nobody, %d failed; "
                        + "received %d from other nodes; %d users here; subscription %s",
                publisher.delivered(), publisher.unclaimed(), publisher.failed(), subscriber.received(),
                presence.held(), subscriber.isConnected() ? "up" : "down");
        if (!stats.equals(lastStats)) {
            lastStats = stats;
            log.info("node {} cluster traffic: {}", settings.nodeId(), stats);
        }
    }

    /**
     * Stops the heartbeat, sends what is queued for other nodes, releases the users this node still holds, then
     * closes the subscription, waits for this node's cluster threads (interrupting them after a grace) and
     * closes the pool.
     */
    @Override
    public void close() {
        running = false;
        beatNow.release();
        publisher.close();
        presence.close();
        slot.release();
        subscriber.close();
        threads.shutdown();
        try {
            if (!threads.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("node {}: cluster threads still running after {} s; interrupting them", settings.nodeId(),
                        STOP_GRACE.toSeconds());
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
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
