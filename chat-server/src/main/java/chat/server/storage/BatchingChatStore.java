package chat.server.storage;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChatStore} that group-commits: while one batch is being written the next one gathers, so under load
 * one transaction stores hundreds of messages instead of paying a commit each. An idle server writes a lone
 * message at once; nothing waits on a timer.
 *
 * <p>Each batch hands out its ids as soon as its INSERT has run and only then commits. The commit is where the
 * database waits for the disk, so forwarding before it keeps that wait out of every message's delivery time,
 * while senders still hear "stored" only after it.
 */
public final class BatchingChatStore implements ChatStore, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchingChatStore.class);

    private record Pending(NewChat chat, CompletableFuture<Long> id, CompletableFuture<Void> committed) {
    }

    /** Queued once per writer by {@link #close()}, after everything already queued. */
    private static final Pending STOP = new Pending(null, null, null);

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Jdbi jdbi;
    private final int writers;
    private final int maxBatch;
    private final long idleNanos;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("chat-history-writer-", 0).factory());
    private volatile boolean open = true;

    private BatchingChatStore(Jdbi jdbi, int writers, int maxBatch, Duration keepIdle) {
        this.jdbi = jdbi;
        this.writers = writers;
        this.maxBatch = maxBatch;
        this.idleNanos = keepIdle.toNanos();
    }

    /**
     * Starts {@code writers} writers, so that many batches may be in flight at once, each of at most
     * {@code maxBatch} messages. A writer keeps its connection while chats keep coming and gives it back after
     * {@code keepIdle} without any.
     */
    public static BatchingChatStore start(Jdbi jdbi, int writers, int maxBatch, Duration keepIdle) {
        BatchingChatStore store = new BatchingChatStore(jdbi, writers, maxBatch, keepIdle);
        for (int i = 0; i < writers; i++) {
            store.threads.execute(store::writeBatches);
        }
        return store;
    }

    @Override
    public StoredChat store(NewChat chat) {
        if (!open) {
            throw new IllegalStateException("the message store is closed");
        }
        Pending pending = new Pending(chat, new CompletableFuture<>(), new CompletableFuture<>());
        queue.add(pending);
        try {
            return new StoredChat(pending.id().join(), pending.committed());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void writeBatches() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        Handle handle = null;
        boolean stopping = false;
        while (!stopping) {
            try {
                Pending first = queue.poll(idleNanos, TimeUnit.NANOSECONDS);
                if (first == null) {
                    // Idle: the connection goes back to the pool, which checks it before lending it again
                    // (the database may close it meanwhile: wait_timeout, a restart) and retires it when old.
                    discard(handle);
                    handle = null;
                    first = queue.take();
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                stopping = takeStopSignal(batch);
                if (batch.isEmpty()) {
                    continue;
                }
                if (handle == null) {
                    handle = openHandle();
                }
                write(handle, batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | SQLException e) {
                fail(batch, e);
                discard(handle);
                handle = null;
            } finally {
                batch.clear();
            }
        }
        discard(handle);
    }

    /** Removes the stop signals from {@code batch}, leaving all but one for the other writers. */
    private boolean takeStopSignal(List<Pending> batch) {
        int signals = 0;
        for (Iterator<Pending> it = batch.iterator(); it.hasNext(); ) {
            if (it.next() == STOP) {
                it.remove();
                signals++;
            }
        }
        for (int i = 1; i < signals; i++) {
            queue.add(STOP);
        }
        return signals > 0;
    }

    private static void fail(List<Pending> batch, Exception e) {
        log.warn("storing {} chat messages failed: {}", batch.size(), e.toString());
        for (Pending p : batch) {
            p.id().completeExceptionally(e);
            p.committed().completeExceptionally(e);
        }
    }

    /**
     * A writer keeps one connection with autocommit off while busy, so a batch costs two round trips (insert,
     * commit) instead of also switching autocommit off and on around every transaction.
     */
    private Handle openHandle() throws SQLException {
        Handle handle = jdbi.open();
        try {
            handle.getConnection().setAutoCommit(false);
            return handle;
        } catch (SQLException | RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    private static void write(Handle handle, List<Pending> batch) throws SQLException {
        long[] ids = handle.attach(ChatMessageBatchDao.class).insertAll(batch.stream().map(Pending::chat).toList());
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).id().complete(ids[i]);
        }
        handle.getConnection().commit();
        batch.forEach(p -> p.committed().complete(null));
    }

    /** Rolls back whatever was not committed and gives the connection back to the pool. */
    private static void discard(Handle handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.getConnection().rollback();
            handle.getConnection().setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            log.debug("resetting a history connection failed: {}", e.toString());
        }
        handle.close();
    }

    /**
     * Writes what is queued, then stops the writers, interrupting them if they take longer than a grace; a
     * message that raced the close is refused.
     */
    @Override
    public void close() {
        open = false;
        for (int i = 0; i < writers; i++) {
            queue.add(STOP);
        }
        threads.shutdown();
        try {
            if (!threads.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("history writers still busy after {} s; interrupting them", STOP_GRACE.toSeconds());
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
        List<Pending> late = new ArrayList<>();
        queue.drainTo(late);
        late.removeIf(p -> p == STOP);
        if (!late.isEmpty()) {
            fail(late, new IllegalStateException("the message store is closed"));
        }
    }
}
