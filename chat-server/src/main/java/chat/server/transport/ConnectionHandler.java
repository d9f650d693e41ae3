package chat.server.transport;

import chat.core.ErrorCode;
import chat.core.FrameReader;
import chat.core.Limits;
import chat.core.ProtocolException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one TCP connection on a virtual thread of its own (a fresh one from the first login on, see
 * {@link #handOver}): read a frame and hand it to the connection's {@link Requests}, and again, until the client
 * leaves. Broken input is answered and skipped; only an oversized frame, which cannot be skipped safely, ends the
 * connection. So does a client that keeps the server waiting past one of its {@link ConnectionTimeouts}: it gets
 * an error saying which, and the connection is closed.
 * A TLS connection shakes hands first, here too, within the time a request may take to arrive whole.
 */
final class ConnectionHandler implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);

    private final Connection connection;
    private final TimedInput in;
    private final Requests requests;
    /** The TLS socket the connection reads and writes through, or null for plain TCP. */
    private final SSLSocket tls;
    private final Duration handshakeWithin;
    private final Runnable onClosed;
    private final Executor readers;
    /** Made once the connection is up, and handed on with the rest when another thread takes over reading. */
    private FrameReader frames;
    private boolean loggedIn;

    ConnectionHandler(Connection connection, TimedInput in, Requests requests, SSLSocket tls,
                      Duration handshakeWithin, Runnable onClosed, Executor readers) {
        this.connection = connection;
        this.in = in;
        this.requests = requests;
        this.tls = tls;
        this.handshakeWithin = handshakeWithin;
        this.onClosed = onClosed;
        this.readers = readers;
    }

    @Override
    public void run() {
        boolean handedOver = false;
        try {
            handedOver = serve();
        } finally {
            if (!handedOver) {
                String who = requests.session().toString();
                requests.ended();
                connection.finish(Connection.FINISH_GRACE);
                onClosed.run();
                log.debug("connection closed: {}", who);
            }
        }
    }

    /**
     * True when another thread took over reading. Hang-ups are the normal end of a connection; anything else
     * escaping the loop is a bug, logged loudly.
     */
    private boolean serve() {
        try {
            if (frames == null) {
                log.debug("connection opened from {}", connection.remoteAddress());
                if (tls != null && !handshake()) {
                    return false;
                }
                frames = new FrameReader(in, Limits.MAX_FRAME_BYTES);
            }
            return readLoop();
        } catch (IOException e) {
            log.debug("connection {} failed: {}", requests.session(), e.toString());
        } catch (RuntimeException e) {
            log.warn("connection {} failed", requests.session(), e);
        } catch (Throwable e) {
            log.error("connection {} failed", requests.session(), e);
            throw e;
        }
        return false;
    }

    private boolean readLoop() throws IOException {
        while (!connection.isClosed()) {
            in.waitUntil(requests.nextRequestDeadline(System.nanoTime()));
            byte[] frame;
            try {
                frame = frames.next();
            } catch (ProtocolException e) {
                in.frameEnded();
                requests.refuse(e);
                if (e.code() == ErrorCode.TOO_LARGE) {
                    log.warn("closing {}: {}", requests.session(), e.getMessage());
                    return false;
                }
                continue;
            } catch (SocketTimeoutException e) {
                requests.refuseTimedOut(in.frameTimedOut());
                return false;
            }
            in.frameEnded();
            // No deadline while the request is handled: a login may take long catching a client up.
            in.waitUntil(0);
            if (frame == null) {
                return false;
            }
            requests.handle(frame);
            if (!loggedIn && requests.session().user().isPresent()) {
                loggedIn = true;
                if (handOver()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * After the first login, reading goes on in a fresh virtual thread. A parked virtual thread keeps its frames
     * in a heap stack chunk, and the chunk that holds its bottom frames (this loop and below) never shrinks: it
     * keeps the size of the deepest stack it was first frozen with, the login's wait on the password hash and
     * the database. A fresh thread's first park is normally the wait for the next request: at 10,000 idle
     * connections the stack chunks took 20 MB instead of 63 MB (~2 KB each instead of ~6 KB).
     */
    private boolean handOver() {
        try {
            readers.execute(this);
            return true;
        } catch (RejectedExecutionException e) {
            // The server is stopping: this thread reads on until the connection is closed.
            return false;
        }
    }

    /**
     * A client that sends no TLS (nc, the original client, a port scanner) fails here at its first bytes, and one
     * that starts a handshake and stalls is cut off by the deadline; either way only its own connection ends.
     */
    private boolean handshake() {
        in.waitUntil(System.nanoTime() + handshakeWithin.toNanos());
        try {
            tls.startHandshake();
            return true;
        } catch (IOException e) {
            log.debug("closing {}: {}", connection.remoteAddress(), in.expired()
                    ? "no TLS handshake within " + handshakeWithin.toSeconds() + " s"
                    : "TLS handshake failed: " + e.getMessage());
            return false;
        }
    }
}
