package chat.server.storage;

import chat.server.ops.Metrics;
import chat.server.storage.ChatMessageBatchDao.IdentifiedChat;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChatStore} that gives each chat its id at once (see {@link MessageIds}) and group-commits behind:
 * while one batch is being written the next one gathers, so under load one transaction stores hundreds of
 * chats instead of paying a commit each. An idle server writes a lone chat at once; nothing waits on a timer.
 *
 * <p>Nothing a sender does can fail another sender's chat: if a batch is refused for what is in it, its chats
 * are stored one by one and only the offending one fails. A batch whose connection died under it is tried once
 * more on a fresh connection; if the database cannot be reached, the batch fails as a whole, and a chat that
 * waited longer than {@code maxWait} for its turn fails without being tried, so senders hear "not stored"
 * within seconds during an outage instead of waiting on it.
 */
public final class BatchingChatStore implements ChatStore, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchingChatStore.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private record Pending(IdentifiedChat chat, long queuedAtNanos, CompletableFuture<Void> committed) {
    }

    /** Queued once per writer by {@link #close()}, after everything already queued. */
    private static final Pending STOP = new Pending(null, 0, null);

    private final Jdbi jdbi;
    private final MessageIds ids;
    private final int writers;
    private final int maxBatch;
    private final long idleNanos;
    private final long maxWaitNanos;
    private final boolean autocommitBetweenBatches;
    private final Metrics metrics;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Ids handed out and not yet stored or failed; with {@link #issuing}, what {@link #settledThrough} reads. */
    private final ConcurrentSkipListSet<Long> unsettled = new ConcurrentSkipListSet<>();
    private final ReentrantLock issuing = new ReentrantLock();
    private long lastIssued;
    // Platform threads: readers no longer wait for the INSERT, so under load a thousand reader virtual threads
    // queue ahead of virtual writers on the carriers; starved writers let chats pass maxWait and fail (at
    // 40,000/s: ~600k of 800k refused, MariaDB nearly idle). The OS schedules these beside the carriers.
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("chat-history-writer-", 0).daemon(true).factory());
    private volatile boolean open = true;

    private BatchingChatStore(Jdbi jdbi, MessageIds ids, Settings settings, Metrics metrics) {
        this.jdbi = jdbi;
        this.ids = ids;
        this.writers = settings.writers();
        this.maxBatch = settings.maxBatch();
        this.idleNanos = settings.keepIdle().toNanos();
        this.maxWaitNanos = settings.maxWait().toNanos();
        this.autocommitBetweenBatches = settings.autocommitBetweenBatches();
        this.metrics = metrics;
    }

    /**
     * How the store writes: {@code writers} batches in flight at once, each of at most {@code maxBatch} chats; a
     * writer keeps its connection while chats keep coming, and after {@code keepIdle} without any takes a checked
     * one from the pool for the next chat; a chat not written within {@code maxWait} of being queued fails. Between
     * batches the writer's connection stays in a transaction (autocommit off), which saves MySQL two round trips
     * per batch, unless {@code autocommitBetweenBatches}: on SQLite an open transaction holds the write lock.
     */
    public record Settings(int writers, int maxBatch, Duration keepIdle, Duration maxWait,
                           boolean autocommitBetweenBatches) {
    }

    /** Starts the writers; {@code metrics} times each stored batch and reads how many chats wait. */
    public static BatchingChatStore start(Jdbi jdbi, MessageIds ids, Settings settings, Metrics metrics) {
        BatchingChatStore store = new BatchingChatStore(jdbi, ids, settings, metrics);
        metrics.watchStoreQueue(store.queue::size);
        for (int i = 0; i < settings.writers(); i++) {
            store.threads.execute(store::writeBatches);
        }
        return store;
    }

    @Override
    public StoredChat store(NewChat chat) {
        if (!open) {
            throw new IllegalStateException("the message store is closed");
        }
        long id;
        issuing.lock();
        try {
            id = ids.next();
            lastIssued = id;
            unsettled.add(id);
        } finally {
            issuing.unlock();
        }
        CompletableFuture<Void> committed = new CompletableFuture<>();
        committed.whenComplete((ignored, failure) -> unsettled.remove(id));
        queue.add(new Pending(new IdentifiedChat(id, chat), System.nanoTime(), committed));
        return new StoredChat(id, committed);
    }

    /**
     * The position up to which every chat this store gave an id has been stored or has failed: what a reader of
     * chats after a position may miss is beyond it.
     */
    public long settledThrough() {
        issuing.lock();
        try {
            Long oldest = unsettled.isEmpty() ? null : unsettled.first();
            return oldest == null ? Math.max(lastIssued, ids.lastPosition()) : oldest - 1;
        } finally {
            issuing.unlock();
        }
    }

    private void writeBatches() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        Handle handle = null;
        long lastWriteNanos = 0;
        boolean stopping = false;
        while (!stopping) {
            try {
                // An untimed wait: a timed one costs a timer per batch, which at thousands of batches a second
                // showed in profiles.
                Pending first = queue.take();
                if (handle != null && first.queuedAtNanos() - lastWriteNanos > idleNanos) {
                    // Idle for a while: the connection goes back to the pool, which checks it before lending it
                    // again (the database may have closed it meanwhile: wait_timeout, a restart).
                    discard(handle);
                    handle = null;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                stopping = takeStopSignal(batch);
                failOverdue(batch);
                if (batch.isEmpty()) {
                    continue;
                }
                if (handle == null) {
                    handle = openHandle();
                }
                lastWriteNanos = System.nanoTime();
                try {
                    handle = write(handle, batch);
                } catch (SQLException | RuntimeException e) {
                    if (!ConnectionFailures.isConnectionFailure(e)) {
                        throw e;
                    }
                    // The connection died under the batch (cut, or the database restarted): one more go on a fresh
                    // one, for the rows that did not make it before.
                    discard(handle);
                    handle = null;
                    handle = openHandle();
                    handle = write(handle, unstored(handle, batch));
                }
                metrics.batchStored(batch.size(), System.nanoTime() - lastWriteNanos);
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

    private void failOverdue(List<Pending> batch) {
        long now = System.nanoTime();
        List<Pending> overdue = new ArrayList<>();
        // One pass: removeAll would compare every chat with every overdue one (record equals), which at a
        // backlog of full batches made a slow database slower still.
        batch.removeIf(p -> now - p.queuedAtNanos() > maxWaitNanos && overdue.add(p));
        if (!overdue.isEmpty()) {
            fail(overdue, new IllegalStateException("the database did not take the chat within "
                    + TimeUnit.NANOSECONDS.toMillis(maxWaitNanos) + " ms"));
        }
    }

    /**
     * Writes the batch in one transaction; if the database refuses it for its content, writes its chats one by
     * one so only the offending ones fail. Returns the handle to go on with.
     */
    private Handle write(Handle handle, List<Pending> batch) throws SQLException {
        try {
            insert(handle, batch);
            return handle;
        } catch (SQLException e) {
            if (!ConnectionFailures.isRefusedForContent(e)) {
                throw e;
            }
            rollback(handle);
            log.warn("a batch of {} chats was refused ({}); storing them one by one", batch.size(), e.toString());
        }
        for (Pending chat : batch) {
            try {
                insert(handle, List.of(chat));
            } catch (SQLException e) {
                if (!ConnectionFailures.isRefusedForContent(e)) {
                    throw e;
                }
                rollback(handle);
                log.warn("chat {} from user {} was refused: {}", chat.chat().id(), chat.chat().chat().senderId(),
                        e.toString());
                chat.committed().completeExceptionally(e);
            }
        }
        return handle;
    }

    /**
     * The chats of {@code batch} that are not in the database, the others completed: the batch's commit may have
     * gone through although its connection died before saying so.
     */
    private static List<Pending> unstored(Handle handle, List<Pending> batch) {
        Set<Long> stored = Set.copyOf(handle.attach(ChatMessageDao.class)
                .storedOf(batch.stream().map(p -> p.chat().id()).toList()));
        List<Pending> rest = new ArrayList<>();
        for (Pending chat : batch) {
            if (stored.contains(chat.chat().id())) {
                chat.committed().complete(null);
            } else {
                rest.add(chat);
            }
        }
        return rest;
    }

    /**
     * Stores {@code chats} in one transaction. Unless {@link #autocommitBetweenBatches}, the connection stays in
     * one after the commit, so a batch costs two round trips (insert, commit) instead of also switching autocommit
     * off and on around every transaction.
     */
    private void insert(Handle handle, List<Pending> chats) throws SQLException {
        Connection connection = handle.getConnection();
        // getAutoCommit is the driver's own record; setting it costs a round trip on MySQL even when unchanged.
        if (connection.getAutoCommit()) {
            connection.setAutoCommit(false);
        }
        handle.attach(ChatMessageBatchDao.class).insertAll(chats.stream().map(Pending::chat).toList());
        connection.commit();
        if (autocommitBetweenBatches) {
            connection.setAutoCommit(true);
        }
        chats.forEach(p -> p.committed().complete(null));
    }

    private static void fail(List<Pending> chats, Exception e) {
        log.warn("storing {} chat messages failed: {}", chats.size(), e.toString());
        chats.forEach(p -> p.committed().completeExceptionally(e));
    }

    /** A writer keeps one connection while busy; {@link #insert} begins its transactions. */
    private Handle openHandle() {
        return jdbi.open();
    }

    private void rollback(Handle handle) throws SQLException {
        handle.getConnection().rollback();
        if (autocommitBetweenBatches) {
            handle.getConnection().setAutoCommit(true);
        }
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
