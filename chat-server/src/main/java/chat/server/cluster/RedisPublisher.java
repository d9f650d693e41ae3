package chat.server.cluster;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Publishes a message on the recipient's channel. A user's channel has a subscriber exactly while some node
 * holds the user, so PUBLISH's reply says whether a node took the message. Zero, or a Redis that does not
 * answer, counts as not taken, and the caller tells the recipient's mailbox which of the two it was.
 *
 * <p>The payload is the chat's mid (8 bytes, big-endian) followed by its line, so the receiving node can report
 * the chat by mid if it cannot deliver it either. An event goes under mid {@link #EVENT}, which no chat has: it is
 * live only, so the receiving node drops it if it cannot deliver it, and nobody waits for its reply.
 *
 * <p>Publishes are pipelined: callers queue and wait, and one platform thread sends whatever has gathered as
 * one pipeline and hands each caller its own reply. Under load that is one round trip for hundreds of messages
 * instead of a pooled connection borrowed per message, and since the thread is not a virtual one it keeps
 * draining the queue even when connection threads keep every carrier busy.
 */
final class RedisPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisPublisher.class);
    private static final int MAX_PIPELINE = 500;
    /** The mid of an event: chats' mids count milliseconds since 2025 and are never 0. */
    static final long EVENT = 0;
    /** Nobody waits for an event's reply, so this is what bounds the events queued while Redis is slow. */
    private static final int MAX_QUEUED_EVENTS = 100_000;

    /** What became of a publish. */
    enum Outcome { TAKEN, NOBODY, FAILED }

    private record Pending(int userId, byte[] payload, CompletableFuture<Outcome> outcome) {
    }

    private final RedisClient redis;
    private final RedisNames names;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("chat-cluster-publisher").daemon().factory());
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong unclaimed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;
    private boolean failing;

    RedisPublisher(RedisClient redis, RedisNames names) {
        this.redis = redis;
        this.names = names;
    }

    void start() {
        thread.execute(this::publishQueued);
    }

    /** Offers chat {@code mid} for a user connected elsewhere, and says whether a node took it. */
    Outcome publish(int userId, long mid, byte[] line) {
        if (!running) {
            return Outcome.FAILED;
        }
        Pending pending = new Pending(userId, payload(mid, line), new CompletableFuture<>());
        queue.add(pending);
        return pending.outcome().join();
    }

    /** Offers an event for a user who may be connected elsewhere and returns at once; past the bound, drops it. */
    void publishEvent(int userId, byte[] line) {
        if (!running || queue.size() >= MAX_QUEUED_EVENTS) {
            log.debug("node {} dropped an event for user {}: publishing stopped or fell behind", names.nodeId(),
                    userId);
            return;
        }
        queue.add(new Pending(userId, payload(EVENT, line), new CompletableFuture<>()));
    }

    private static byte[] payload(long mid, byte[] line) {
        return ByteBuffer.allocate(Long.BYTES + line.length).putLong(mid).put(line).array();
    }

    /** Tells the other nodes that a group's membership changed, so they stop trusting what they remember. */
    void announceGroupChange(int groupId) {
        try {
            redis.publish(names.groupsChannel(), Integer.toString(groupId));
        } catch (JedisException e) {
            // Redis not answering this node almost always means it is down or restarting for every node: their
            // subscriptions break too, and a node drops every cached list when it resubscribes.
            log.warn("node {} could not announce a change of group {}: {}", names.nodeId(), groupId, e.getMessage());
        }
    }

    private void publishQueued() {
        List<Pending> batch = new ArrayList<>(MAX_PIPELINE);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_PIPELINE - 1);
                publishAll(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.warn("node {}: publishing failed", names.nodeId(), e);
            } finally {
                batch.forEach(p -> p.outcome().complete(Outcome.FAILED));
                batch.clear();
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.outcome().complete(Outcome.FAILED));
    }

    private void publishAll(List<Pending> batch) {
        List<Response<Long>> replies = new ArrayList<>(batch.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (Pending p : batch) {
                replies.add(pipeline.publish(names.userChannelBytes(p.userId()), p.payload()));
            }
            pipeline.sync();
        } catch (JedisException e) {
            failed.addAndGet(batch.size());
            if (!failing) {
                log.warn("node {} cannot publish to Redis: {}; chats for other nodes wait until it "
                        + "answers", names.nodeId(), e.getMessage());
            }
            failing = true;
            return;
        }
        if (failing) {
            log.info("node {} publishes to Redis again", names.nodeId());
            failing = false;
        }
        for (int i = 0; i < batch.size(); i++) {
            boolean taken = replies.get(i).get() > 0;
            (taken ? delivered : unclaimed).incrementAndGet();
            if (log.isDebugEnabled()) {
                log.debug("node {}: message for user {} {}", names.nodeId(), batch.get(i).userId(),
                        taken ? "published to another node" : "has no node");
            }
            batch.get(i).outcome().complete(taken ? Outcome.TAKEN : Outcome.NOBODY);
        }
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

    /** Publishes what is queued, then stops; anything still unsent is reported as not taken. */
    @Override
    public void close() {
        running = false;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
