package chat.server.transport;

import chat.core.Codec;
import chat.core.ErrorCode;
import chat.core.Limits;
import chat.core.ProtocolException;
import chat.server.delivery.Receipts;
import chat.server.dispatch.Dispatcher;
import chat.server.ops.Metrics;
import chat.server.session.Session;
import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser's WebSocket, as {@link ConnectionHandler} is one TCP connection: Helidon reads its frames on a
 * virtual thread of its own and calls this listener there, and each whole text message is one request for the
 * connection's {@link Requests}, answered through a {@link Connection} like any other. So a WebSocket session is
 * one more outbox to the dispatcher, the session registry and the cluster, and nothing about chat is written here.
 *
 * <p>What differs from TCP is only how the connection's end and its deadlines are noticed. Helidon calls
 * {@link #onClose} when the browser closes the WebSocket, but not when the socket simply drops, so the server's
 * sweeper also ends a link whose reading thread has ended. Deadlines are the same as on TCP: a login within 60 s,
 * then a request (or a WebSocket ping) at least every 90 s from a client that sent {@code seq}, and a message
 * sent in fragments arriving whole within 30 s. A late client gets the same error as on TCP and a close frame.
 */
final class WebSocketLink implements WsListener {
    private static final Logger log = LoggerFactory.getLogger(WebSocketLink.class);

    private final Codec codec;
    private final Dispatcher dispatcher;
    private final ConnectionTimeouts timeouts;
    private final long maxQueuedBytes;
    private final Receipts receipts;
    private final Metrics metrics;
    private final Executor writers;
    private final Consumer<WebSocketLink> opened;
    private final Consumer<WebSocketLink> closed;
    /** Held while a request is handled and while the link ends, so a link never ends halfway through a login. */
    private final ReentrantLock handling = new ReentrantLock();
    /** A text message's fragments so far, when the browser sends it in several frames. */
    private final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
    /** Set once an end has been decided (by any thread), so the sweeper schedules it only once. */
    private final AtomicBoolean ending = new AtomicBoolean();
    private volatile boolean ended;
    private volatile Thread reader;
    private volatile Connection connection;
    private volatile Requests requests;
    // Written by the reading thread, read by the sweeper; 0 for none.
    private volatile long idleDeadlineNanos;
    private volatile long fragmentDeadlineNanos;

    WebSocketLink(Codec codec, Dispatcher dispatcher, ConnectionTimeouts timeouts, long maxQueuedBytes,
                  Receipts receipts, Metrics metrics, Executor writers, Consumer<WebSocketLink> opened,
                  Consumer<WebSocketLink> closed) {
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.timeouts = timeouts;
        this.maxQueuedBytes = maxQueuedBytes;
        this.receipts = receipts;
        this.metrics = metrics;
        this.writers = writers;
        this.opened = opened;
        this.closed = closed;
    }

    @Override
    public void onOpen(WsSession ws) {
        reader = Thread.currentThread();
        connection = new Connection(new WebSocketWire(ws, reader, writers), maxQueuedBytes, receipts, metrics,
                writers);
        requests = new Requests(new Session(connection, codec, metrics), codec, dispatcher, timeouts);
        metrics.connectionOpened();
        idleDeadlineNanos = requests.nextRequestDeadline(System.nanoTime());
        opened.accept(this);
        log.debug("WebSocket opened from {}", connection.remoteAddress());
    }

    @Override
    public void onMessage(WsSession ws, String text, boolean last) {
        handling.lock();
        try {
            if (ended) {
                return;
            }
            byte[] part = text.getBytes(StandardCharsets.UTF_8);
            if (fragments.size() + part.length > Limits.MAX_FRAME_BYTES) {
                fragments.reset();
                requests.refuse(new ProtocolException(ErrorCode.TOO_LARGE,
                        "message larger than " + Limits.MAX_FRAME_BYTES + " bytes"));
                log.warn("closing {}: a message over {} bytes", requests.session(), Limits.MAX_FRAME_BYTES);
                ending.set(true);
                writers.execute(this::end);
                return;
            }
            if (!last) {
                if (fragments.size() == 0) {
                    fragmentDeadlineNanos = System.nanoTime() + timeouts.frame().toNanos();
                }
                fragments.writeBytes(part);
                return;
            }
            byte[] request = part;
            if (fragments.size() > 0) {
                fragments.writeBytes(part);
                request = fragments.toByteArray();
                fragments.reset();
            }
            fragmentDeadlineNanos = 0;
            // No deadline while the request is handled: a login may take long catching a client up.
            idleDeadlineNanos = 0;
            requests.handle(request);
            idleDeadlineNanos = requests.nextRequestDeadline(System.nanoTime());
        } finally {
            handling.unlock();
        }
    }

    @Override
    public void onMessage(WsSession ws, BufferData buffer, boolean last) {
        if (last && !ended) {
            requests.refuse(new ProtocolException(ErrorCode.BAD_REQUEST,
                    "send each request as a JSON text message, not a binary one"));
        }
    }

    /** A browser cannot send pings, but other clients may: they count as the client being there, as on TCP. */
    @Override
    public void onPing(WsSession ws, BufferData buffer) {
        ws.pong(buffer);
        if (!ended && idleDeadlineNanos != 0) {
            handling.lock();
            try {
                idleDeadlineNanos = requests.nextRequestDeadline(System.nanoTime());
            } finally {
                handling.unlock();
            }
        }
    }

    @Override
    public void onClose(WsSession ws, int status, String reason) {
        log.debug("WebSocket {} closed by the client: {} {}", this, status, reason);
        end();
    }

    @Override
    public void onError(WsSession ws, Throwable t) {
        log.debug("WebSocket {} failed: {}", this, t.toString());
        end();
    }

    /**
     * Called by the sweeper a few times a second: schedules the end of a link whose reading thread is gone, or that
     * kept the server waiting past a deadline, on {@code executor} (the sweeper itself never waits).
     */
    void sweep(long nowNanos, Executor executor) {
        if (ended || ending.get()) {
            return;
        }
        Thread thread = reader;
        if (thread != null && !thread.isAlive()) {
            // Helidon's reader ended without a close frame: the socket dropped or broke.
            if (ending.compareAndSet(false, true)) {
                executor.execute(this::end);
            }
            return;
        }
        long deadline = nearer(idleDeadlineNanos, fragmentDeadlineNanos);
        if (deadline != 0 && nowNanos - deadline >= 0 && ending.compareAndSet(false, true)) {
            executor.execute(this::expire);
        }
    }

    private void expire() {
        handling.lock();
        try {
            long deadline = nearer(idleDeadlineNanos, fragmentDeadlineNanos);
            if (ended || deadline == 0 || System.nanoTime() - deadline < 0) {
                ending.set(false); // a request came in meanwhile
                return;
            }
            boolean fragmentLate = fragmentDeadlineNanos != 0 && fragmentDeadlineNanos == deadline;
            requests.refuseTimedOut(fragmentLate);
        } finally {
            handling.unlock();
        }
        end();
    }

    /** Logs the user out, lets what is queued go out, and closes the WebSocket; once, from any thread. */
    void end() {
        handling.lock();
        try {
            if (ended) {
                return;
            }
            ended = true;
        } finally {
            handling.unlock();
        }
        String who = requests.session().toString();
        try {
            requests.ended();
            connection.finish(Connection.FINISH_GRACE);
        } finally {
            closed.accept(this);
            log.debug("WebSocket closed: {}", who);
        }
    }

    private static long nearer(long a, long b) {
        if (a == 0 || b == 0) {
            return a == 0 ? b : a;
        }
        return a - b < 0 ? a : b;
    }

    @Override
    public String toString() {
        Requests current = requests;
        return current == null ? "(not open)" : current.session().toString();
    }
}
