package chat.server.transport;

import chat.server.delivery.Outbox;
import chat.server.delivery.Receipts;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client socket's outgoing side. Any thread may offer lines; a writer virtual thread, started only while
 * there is something to send, writes them in order and flushes when the queue runs dry, so a burst goes out
 * in few system calls and an idle connection costs no thread.
 *
 * <p>A client that stops reading cannot hold anyone up: offers never block, and once more than
 * {@code maxQueuedBytes} wait unwritten the connection is closed as too slow. Chats still queued when the
 * connection closes are reported unwritten, for the user each was for.
 *
 * <p>Over TLS, {@code socket} is the TLS socket and {@code tcp} the one beneath it. Closing closes {@code tcp}:
 * closing the TLS socket sends close_notify, which waits for a writer stuck on a client that stopped reading.
 * Only {@link #finish}, once everything queued went out, closes the TLS socket politely.
 */
final class Connection implements Outbox {
    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    /** {@code recipientId} and {@code mid} are set for a chat, whose fate the receipts must hear. */
    private record Outgoing(byte[] line, Integer recipientId, long mid, CompletableFuture<Boolean> written) {
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

    private final Socket socket;
    private final Socket tcp;
    private final OutputStream out;
    private final long maxQueuedBytes;
    private final Receipts receipts;
    private final Executor writers;
    private final LinkedBlockingDeque<Outgoing> queue = new LinkedBlockingDeque<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ReentrantLock roomLock = new ReentrantLock();
    private final Condition room = roomLock.newCondition();
    private volatile boolean roomWanted;

    /**
     * {@code socket} carries the lines; {@code tcp} is the socket beneath it, or the same one for plain TCP.
     * {@code writers} runs the writer whenever there is something to send.
     */
    Connection(Socket socket, Socket tcp, long maxQueuedBytes, Receipts receipts, Executor writers)
            throws IOException {
        this.socket = socket;
        this.tcp = tcp;
        this.out = socket.getOutputStream();
        this.maxQueuedBytes = maxQueuedBytes;
        this.receipts = receipts;
        this.writers = writers;
    }

    @Override
    public boolean offer(byte[] line) {
        return enqueue(new Outgoing(line, null, 0, null), false);
    }

    @Override
    public boolean deliver(int recipientId, long mid, byte[] line) {
        return enqueue(new Outgoing(line, recipientId, mid, null), false);
    }

    /**
     * Queues a line ahead of everything waiting and completes when it has been written and flushed (true)
     * or the connection closed first (false). The login ack uses it so it precedes chats that raced it, and so
     * the chats it carries count as received only once it is out.
     */
    @Override
    public CompletableFuture<Boolean> sendFirst(byte[] line) {
        CompletableFuture<Boolean> written = new CompletableFuture<>();
        if (!enqueue(new Outgoing(line, null, 0, written), true)) {
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
            log.warn("closing {}: client is not reading, {} bytes queued", socket.getRemoteSocketAddress(),
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
                    out.flush();
                    writing.set(false);
                    // An offer may have landed between the empty poll and the flag reset.
                    if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                queuedBytes.addAndGet(-item.line().length);
                out.write(item.line());
                if (item.recipientId() != null) {
                    receipts.written(item.recipientId(), item.mid());
                }
                if (item.written() != null) {
                    out.flush();
                    item.written().complete(true);
                }
                if (roomWanted) {
                    signalRoom();
                }
            }
        } catch (IOException e) {
            log.debug("write to {} failed: {}", socket.getRemoteSocketAddress(), e.toString());
            if (item != null) {
                giveBack(item);
            }
            close();
            writing.set(false);
        }
    }

    /** True for a TLS connection, which must shake hands before anything is read. */
    boolean encrypted() {
        return socket != tcp;
    }

    /** Runs the TLS handshake on the calling thread; for plain TCP there is none. */
    void handshake() throws IOException {
        if (socket instanceof SSLSocket tls) {
            tls.startHandshake();
        }
    }

    @Override
    public String remoteAddress() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }

    /** Lets what is queued go out, waiting at most {@code grace}, then closes. */
    void finish(Duration grace) {
        CompletableFuture<Boolean> drained = new CompletableFuture<>();
        boolean wentOut = false;
        if (enqueue(new Outgoing(new byte[0], null, 0, drained), false)) {
            try {
                wentOut = drained.get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.debug("{} did not drain within {}", remoteAddress(), grace);
            }
        }
        if (wentOut && encrypted() && !writing.get()) {
            // Nothing is being written, so close_notify goes out at once and the client reads a clean end.
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("TLS close of {} failed: {}", remoteAddress(), e.toString());
            }
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

    /** Closes the TCP socket, which also ends the reader; safe to call from any thread, more than once. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            tcp.close();
        } catch (IOException e) {
            log.debug("close of {} failed: {}", socket.getRemoteSocketAddress(), e.toString());
        }
        drainAfterClose();
        signalRoom();
    }

    private void drainAfterClose() {
        List<Outgoing> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(this::giveBack);
    }

    private void giveBack(Outgoing item) {
        if (item.written() != null) {
            item.written().complete(false);
        } else if (item.recipientId() != null) {
            receipts.unwritten(item.recipientId(), item.mid());
        }
    }
}
