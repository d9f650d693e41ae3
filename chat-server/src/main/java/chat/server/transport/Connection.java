package chat.server.transport;

import chat.server.delivery.Outbox;
import chat.server.delivery.Receipts;
import chat.server.ops.Metrics;
import chat.server.storage.MessageIds;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection's outgoing side, over a TCP socket or a WebSocket (its {@link Wire}). Any thread may
 * offer lines; a writer virtual thread, started only while there is something to send, writes them in order and
 * flushes when the queue runs dry, so a burst goes out in few system calls and an idle connection costs no thread.
 *
 * <p>A client that stops reading cannot hold anyone up: offers never block, and once more than
 * {@code maxQueuedBytes} wait unwritten the connection is closed as too slow. Chats still queued when the
 * connection closes are reported unwritten, for the user each was for.
 *
 * <p>Closing ends the wire at once, even under a writer stuck on a client that stopped reading; only
 * {@link #finish}, once everything queued went out and nothing is being written, lets it end politely first
 * ({@link Wire#finished}: TLS's close_notify).
 */
final class Connection implements Outbox {
    /** How long a connection that ends, whatever carries it, still lets its queued lines out. */
    static final Duration FINISH_GRACE = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    /**
     * {@code recipientId} and {@code mid} are set for a chat, whose fate the receipts must hear; {@code live} for
     * one whose delivery latency is measured.
     */
    private record Outgoing(byte[] line, Integer recipientId, long mid, boolean live,
                            CompletableFuture<Boolean> written) {
    }

    // Loaded with this class, at the first accept, rather than with the first line queued: that may be the line
    // that ends a connection while descriptors have run out, and a class that fails to load then fails for good,
    // so no connection could ever be closed again and the descriptors would never come back.
    static {
        try {
            MethodHandles.lookup().ensureInitialized(Outgoing.class);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Wire wire;
    private final long maxQueuedBytes;
    private final Receipts receipts;
    private final Metrics metrics;
    private final Executor writers;
    // Lock-free: the sender's thread offers while the writer polls, and at 40,000 chats/s the unlock of a
    // LinkedBlockingDeque, waking the other side, was the hottest frame in the server's profile (6% of samples).
    private final ConcurrentLinkedDeque<Outgoing> queue = new ConcurrentLinkedDeque<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ReentrantLock roomLock = new ReentrantLock();
    private final Condition room = roomLock.newCondition();
    private volatile boolean roomWanted;

    /** A TCP client's; {@code writers} runs the writer whenever there is something to send. */
    Connection(Socket socket, long maxQueuedBytes, Receipts receipts, Metrics metrics, Executor writers)
            throws IOException {
        this(new SocketWire(socket, socket), maxQueuedBytes, receipts, metrics, writers);
    }

    Connection(Wire wire, long maxQueuedBytes, Receipts receipts, Metrics metrics, Executor writers) {
        this.wire = wire;
        this.maxQueuedBytes = maxQueuedBytes;
        this.receipts = receipts;
        this.metrics = metrics;
        this.writers = writers;
    }

    @Override
    public boolean offer(byte[] line) {
        return enqueue(new Outgoing(line, null, 0, false, null), false);
    }

    @Override
    public boolean deliver(int recipientId, long mid, byte[] line) {
        return enqueue(new Outgoing(line, recipientId, mid, false, null), false);
    }

    @Override
    public boolean deliverLive(int recipientId, long mid, byte[] line) {
        return enqueue(new Outgoing(line, recipientId, mid, true, null), false);
    }

    /**
     * Queues a line ahead of everything waiting and completes when it has been written and flushed (true)
     * or the connection closed first (false). The login ack uses it so it precedes chats that raced it, and so
     * the chats it carries count as received only once it is out.
     */
    @Override
    public CompletableFuture<Boolean> sendFirst(byte[] line) {
        CompletableFuture<Boolean> written = new CompletableFuture<>();
        if (!enqueue(new Outgoing(line, null, 0, false, written), true)) {
            written.complete(false);
        }
        return written;
    }

    private boolean enqueue(Outgoing item, boolean first) {
        if (closed.get()) {
            return false;
        }
        if (queuedBytes.addAndGet(item.line().length) > maxQueuedBytes) {
            queuedBytes.addAndGet(-item.line().length);
            log.warn("closing {}: client is not reading, {} bytes queued", wire.remoteAddress(),
                    queuedBytes.get());
            close();
            return false;
        }
        if (first) {
            queue.offerFirst(item);
        } else {
            queue.offerLast(item);
        }
        if (closed.get()) {
            drainAfterClose();
        }
        startWriterIfIdle();
        return true;
    }

    private void startWriterIfIdle() {
        if (writing.compareAndSet(false, true)) {
            try {
                writers.execute(this::writeQueued);
            } catch (RejectedExecutionException e) {
                // The server is stopping and its writers are gone: what is queued is given back by close().
                writing.set(false);
                close();
            }
        }
    }

    private void writeQueued() {
        Outgoing item = null;
        try {
            while (true) {
                item = queue.pollFirst();
                if (item == null) {
                    wire.flush();
                    writing.set(false);
                    // An offer may have landed between the empty poll and the flag reset.
                    if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                queuedBytes.addAndGet(-item.line().length);
                wire.write(item.line());
                if (item.recipientId() != null) {
                    receipts.written(item.recipientId(), item.mid());
                    if (item.live()) {
                        metrics.chatWritten(System.currentTimeMillis() - MessageIds.millisOf(item.mid()));
                    }
                }
                if (item.written() != null) {
                    wire.flush();
                    item.written().complete(true);
                }
                if (roomWanted) {
                    signalRoom();
                }
            }
        } catch (IOException e) {
            log.debug("write to {} failed: {}", wire.remoteAddress(), e.toString());
            if (item != null) {
                giveBack(item);
            }
            close();
            writing.set(false);
        }
    }



    @Override
    public String remoteAddress() {
        return wire.remoteAddress();
    }

    /** Lets what is queued go out, waiting at most {@code grace}, then closes. */
    void finish(Duration grace) {
        CompletableFuture<Boolean> drained = new CompletableFuture<>();
        boolean wentOut = false;
        if (enqueue(new Outgoing(new byte[0], null, 0, false, drained), false)) {
            try {
                wentOut = drained.get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.debug("{} did not drain within {}", remoteAddress(), grace);
            }
        }
        if (wentOut && !writing.get()) {
            wire.finished();
        }
        close();
    }

    @Override
    public boolean awaitRoom(long bytes, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        roomLock.lock();
        try {
            while (!closed.get() && queuedBytes.get() > bytes) {
                if (left <= 0) {
                    return false;
                }
                roomWanted = true;
                left = room.awaitNanos(left);
            }
            return !closed.get();
        } finally {
            roomWanted = false;
            roomLock.unlock();
        }
    }

    private void signalRoom() {
        roomLock.lock();
        try {
            room.signalAll();
        } finally {
            roomLock.unlock();
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Lines waiting to be written; counts them one by one, which only a metrics scrape asks for. */
    int queuedLines() {
        return queue.size();
    }

    /** Bytes waiting to be written. */
    long queuedBytes() {
        return queuedBytes.get();
    }

    /** Closes the wire, which also ends the reader; safe to call from any thread, more than once. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        wire.close();
        drainAfterClose();
        signalRoom();
    }

    private void drainAfterClose() {
        for (Outgoing item = queue.pollFirst(); item != null; item = queue.pollFirst()) {
            giveBack(item);
        }
    }

    private void giveBack(Outgoing item) {
        if (item.written() != null) {
            item.written().complete(false);
        } else if (item.recipientId() != null) {
            receipts.unwritten(item.recipientId(), item.mid());
        }
    }
}
