package chat.server.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The node's one subscription connection, read by a virtual thread of its own. It subscribes the node channel
 * first and keeps it, then one channel per user logged in here. What arrives goes to {@link Inbound}.
 *
 * <p>A subscribed connection accepts only subscription commands, and the Jedis listener is not thread-safe:
 * every command goes out under {@link #lock}. {@link #subscribe} returns only once Redis has confirmed, so
 * nothing published after it returns can be missed.
 *
 * <p>When the connection drops, the thread reconnects with backoff (100 ms doubling to 1 s) and subscribes
 * every user still logged in here again; meanwhile PUBLISH reaches nobody, so senders store offline.
 */
final class RedisSubscriber implements SubscriptionListener.Events, AutoCloseable {

    /** What the subscription brings in; called on the reader thread, so each call must return quickly. */
    interface Inbound {
        /** Chat {@code mid}, which another node published for a user this node holds (or held). */
        void message(int userId, long mid, byte[] line);

        /** An event another node published for a user this node holds (or held). */
        void event(int userId, byte[] line);

        /** Another node changed a group's membership. */
        void groupChanged(int groupId);

        /**
         * Subscribed, for the first time or again after the connection was lost: group changes and messages
         * may have gone unheard meanwhile. Called before other threads see the subscription as up.
         *
         * @param downSinceMillis when the previous subscription was lost (epoch millis), 0 the first time
         */
        void subscribed(long downSinceMillis);
    }

    private static final Logger log = LoggerFactory.getLogger(RedisSubscriber.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);
    private static final Duration UNSUBSCRIBE_WAIT = Duration.ofSeconds(2);
    private static final int CHANNELS_PER_COMMAND = 1000;

    private final RedisEndpoint endpoint;
    private final RedisNames names;
    private final Duration confirmTimeout;
    private final Inbound inbound;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Set<Integer> wanted = ConcurrentHashMap.newKeySet();
    private final Replies subscribing = new Replies();
    private final Replies unsubscribing = new Replies();
    private final AtomicLong received = new AtomicLong();
    private volatile SubscriptionListener active;
    private volatile Jedis connection;
    private volatile long lastPongNanos;
    private volatile boolean running;
    /** Reader thread only: when the last confirmed subscription was lost; 0 before the first one. */
    private long downSinceNanos;
    /** Reader thread only: the same moment by the wall clock, which message ids are made of. */
    private long downSinceMillis;

    RedisSubscriber(RedisEndpoint endpoint, RedisNames names, Duration confirmTimeout, Inbound inbound) {
        this.endpoint = endpoint;
        this.names = names;
        this.confirmTimeout = confirmTimeout;
        this.inbound = inbound;
    }

    /** Starts the reader on a thread of {@code threads}; {@link #close} ends it. */
    void start(ExecutorService threads) {
        running = true;
        threads.execute(this::run);
    }

    /** True once subscribed, or false when {@code timeout} passed first. */
    boolean awaitConnected(Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (active == null && left > 0) {
                left = changed.awaitNanos(left);
            }
            return active != null;
        } finally {
            lock.unlock();
        }
    }

    boolean isConnected() {
        return active != null;
    }

    long received() {
        return received.get();
    }

    /** Routes the user's channel to this node; returns once Redis confirmed, or throws. */
    void subscribe(int userId) {
        CompletableFuture<Void> confirmed;
        lock.lock();
        try {
            wanted.add(userId);
            confirmed = subscribing.expect(userId);
            SubscriptionListener listener = active;
            if (listener == null) {
                changed.signalAll(); // cut a reconnect backoff short; the reconnect subscribes every wanted user
            } else {
                send(() -> listener.subscribe(names.userChannelBytes(userId)));
            }
        } finally {
            lock.unlock();
        }
        if (!subscribing.await(userId, confirmed, confirmTimeout)) {
            unsubscribe(userId);
            throw new IllegalStateException("Redis did not confirm the subscription to "
                    + names.userChannel(userId) + " within " + confirmTimeout.toMillis() + " ms");
        }
    }

    /** Stops routing the user's channel here, waiting briefly for Redis to confirm, so a re-login elsewhere is alone. */
    void unsubscribe(int userId) {
        CompletableFuture<Void> done = null;
        lock.lock();
        try {
            wanted.remove(userId);
            subscribing.forget(userId);
            SubscriptionListener listener = active;
            if (listener != null) {
                done = unsubscribing.expect(userId);
                if (!send(() -> listener.unsubscribe(names.userChannelBytes(userId)))) {
                    done = null; // the connection is broken, and Redis drops its subscriptions with it
                }
            }
        } finally {
            lock.unlock();
        }
        if (done != null && !unsubscribing.await(userId, done, UNSUBSCRIBE_WAIT)) {
            log.debug("Redis did not confirm unsubscribing {} in time", names.userChannel(userId));
        }
    }

    /**
     * Pings Redis over the subscription; when no pong came for {@code maxSilence}, drops the connection so the
     * reader reconnects. A peer that hangs without closing the socket would otherwise go unnoticed.
     */
    void checkAlive(Duration maxSilence) {
        SubscriptionListener listener = active;
        if (listener == null) {
            return;
        }
        long silentNanos = System.nanoTime() - lastPongNanos;
        if (silentNanos > maxSilence.toNanos()) {
            log.warn("node {}: Redis has not answered on the subscription for {} ms; reconnecting", names.nodeId(),
                    TimeUnit.NANOSECONDS.toMillis(silentNanos));
            dropConnection();
            return;
        }
        lock.lock();
        try {
            send(listener::ping);
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        Thread.currentThread().setName("chat-redis-subscriber");
        Duration backoff = MIN_BACKOFF;
        int failures = 0;
        while (running) {
            SubscriptionListener listener = new SubscriptionListener(names, this);
            try (Jedis jedis = endpoint.dedicatedConnection()) {
                connection = jedis;
                // The groups channel first: once the node channel is confirmed, no group change goes unheard.
                jedis.subscribe(listener, names.groupsChannel().getBytes(StandardCharsets.UTF_8),
                        names.nodeChannel().getBytes(StandardCharsets.UTF_8));
            } catch (JedisException e) {
                if (running && (listener.confirmed() || failures == 0)) {
                    log.warn("node {}: Redis subscription {}: {}; retrying, and chats from other nodes are stored "
                            + "offline meanwhile", names.nodeId(), listener.confirmed() ? "lost" : "failed",
                            e.getMessage());
                } else {
                    log.debug("node {}: Redis subscription attempt failed: {}", names.nodeId(), e.toString());
                }
            } finally {
                lock.lock();
                try {
                    active = null;
                    connection = null;
                } finally {
                    lock.unlock();
                }
            }
            if (listener.confirmed()) {
                downSinceNanos = System.nanoTime();
                downSinceMillis = System.currentTimeMillis();
                backoff = MIN_BACKOFF;
                failures = 0;
            } else {
                failures++;
            }
            pause(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /** Sleeps for the backoff unless a login asks for the connection sooner or the subscriber closes. */
    private void pause(Duration backoff) {
        lock.lock();
        try {
            if (running) {
                changed.awaitNanos(backoff.toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** The node channel is confirmed: subscribes every user of this node again, then opens for other threads. */
    @Override
    public void connected(SubscriptionListener listener) {
        Integer[] ids;
        lock.lock();
        try {
            ids = wanted.toArray(Integer[]::new);
            for (int from = 0; from < ids.length; from += CHANNELS_PER_COMMAND) {
                listener.subscribe(Arrays.stream(ids, from, Math.min(ids.length, from + CHANNELS_PER_COMMAND))
                        .map(names::userChannelBytes).toArray(byte[][]::new));
            }
            lastPongNanos = System.nanoTime();
            inbound.subscribed(downSinceMillis);
            active = listener;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (downSinceNanos == 0) {
            log.info("node {} subscribed to {} on channel {}", names.nodeId(), endpoint, names.nodeChannel());
        } else {
            log.info("node {} reconnected to {} after {} ms and resubscribed {} users", names.nodeId(), endpoint,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downSinceNanos), ids.length);
        }
    }

    @Override
    public void groupChanged(int groupId) {
        inbound.groupChanged(groupId);
    }

    @Override
    public void subscribed(int userId) {
        subscribing.arrived(userId);
    }

    @Override
    public void unsubscribed(int userId) {
        unsubscribing.arrived(userId);
    }

    /** The payload is the chat's mid, 8 bytes, or {@link RedisPublisher#EVENT}, then its line. */
    @Override
    public void message(int userId, byte[] payload) {
        received.incrementAndGet();
        if (payload.length <= Long.BYTES) {
            log.warn("node {} dropped a malformed message for user {} from another node", names.nodeId(), userId);
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        long mid = buffer.getLong();
        byte[] line = new byte[buffer.remaining()];
        buffer.get(line);
        log.debug("node {} received message {} for user {} from another node", names.nodeId(), mid, userId);
        try {
            if (mid == RedisPublisher.EVENT) {
                inbound.event(userId, line);
            } else {
                inbound.message(userId, mid, line);
            }
        } catch (RuntimeException e) {
            log.error("node {} could not deliver message {} to user {}", names.nodeId(), mid, userId, e);
        }
    }

    @Override
    public void pong() {
        lastPongNanos = System.nanoTime();
    }

    /** Sends one command on the subscription; the caller holds the lock. False when the connection is broken. */
    private boolean send(Runnable command) {
        try {
            command.run();
            return true;
        } catch (JedisException e) {
            log.debug("node {}: subscription command failed: {}", names.nodeId(), e.toString());
            return false;
        }
    }

    private void dropConnection() {
        lock.lock();
        try {
            Jedis jedis = connection;
            if (jedis != null) {
                jedis.disconnect();
            }
        } catch (JedisException e) {
            log.debug("closing the subscription failed: {}", e.toString());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the subscription connection, after which Redis drops every subscription of this node, and lets the
     * reader end; the owner of its thread waits for it.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            running = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        dropConnection();
    }
}
