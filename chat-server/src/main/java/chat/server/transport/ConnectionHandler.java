package chat.server.transport;

import chat.core.Codec;
import chat.core.ErrorCode;
import chat.core.FrameReader;
import chat.core.Limits;
import chat.core.Message;
import chat.core.ProtocolException;
import chat.server.dispatch.Dispatcher;
import chat.server.session.Session;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection, all of it on the connection's own virtual thread: read a frame, decode it, dispatch it,
 * and again, until the client leaves. Broken input is answered and skipped; only an oversized frame, which
 * cannot be skipped safely, ends the connection. So does a client that keeps the server waiting past one of its
 * {@link ConnectionTimeouts}: it gets an error saying which, and the connection is closed. A TLS connection shakes
 * hands first, here too, within the time a request may take to arrive whole.
 */
final class ConnectionHandler implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final Connection connection;
    private final TimedInput in;
    private final Codec codec;
    private final Dispatcher dispatcher;
    private final ConnectionTimeouts timeouts;
    private final Runnable onClosed;
    /** When a login must have succeeded by, while none has; 0 while logged in. */
    private long loginDeadlineNanos;

    ConnectionHandler(Connection connection, TimedInput in, Codec codec, Dispatcher dispatcher,
                      ConnectionTimeouts timeouts, Runnable onClosed) {
        this.connection = connection;
        this.in = in;
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.timeouts = timeouts;
        this.onClosed = onClosed;
    }

    @Override
    public void run() {
        Session session = new Session(connection, codec);
        try {
            serve(session);
        } finally {
            String who = session.toString();
            dispatcher.disconnected(session);
            connection.finish(CLOSE_GRACE);
            onClosed.run();
            log.debug("connection closed: {}", who);
        }
    }

    /** Hang-ups are the normal end of a connection; anything else escaping the loop is a bug, logged loudly. */
    private void serve(Session session) {
        log.debug("connection opened from {}", connection.remoteAddress());
        try {
            if (connection.encrypted() && !handshake()) {
                return;
            }
            readLoop(session);
        } catch (IOException e) {
            log.debug("connection {} failed: {}", session, e.toString());
        } catch (RuntimeException e) {
            log.warn("connection {} failed", session, e);
        } catch (Throwable e) {
            log.error("connection {} failed", session, e);
            throw e;
        }
    }

    private void readLoop(Session session) throws IOException {
        FrameReader frames = new FrameReader(in, Limits.MAX_FRAME_BYTES);
        while (!connection.isClosed()) {
            in.waitUntil(nextRequestDeadline(session));
            byte[] frame;
            try {
                frame = frames.next();
            } catch (ProtocolException e) {
                in.frameEnded();
                session.reply(e.toReply());
                if (e.code() == ErrorCode.TOO_LARGE) {
                    log.warn("closing {}: {}", session, e.getMessage());
                    return;
                }
                continue;
            } catch (SocketTimeoutException e) {
                refuseTimedOut(session);
                return;
            }
            in.frameEnded();
            // No deadline while the request is handled: a login may take long catching a client up.
            in.waitUntil(0);
            if (frame == null) {
                return;
            }
            Message message;
            try {
                message = codec.decode(frame);
            } catch (ProtocolException e) {
                session.reply(e.toReply());
                continue;
            }
            dispatcher.dispatch(session, message);
        }
    }

    /**
     * A client that sends no TLS (nc, the original client, a port scanner) fails here at its first bytes, and one
     * that starts a handshake and stalls is cut off by the deadline; either way only its own connection ends.
     */
    private boolean handshake() {
        in.waitUntil(System.nanoTime() + timeouts.frame().toNanos());
        try {
            connection.handshake();
            return true;
        } catch (IOException e) {
            log.debug("closing {}: {}", connection.remoteAddress(), in.expired()
                    ? "no TLS handshake within " + timeouts.frame().toSeconds() + " s"
                    : "TLS handshake failed: " + e.getMessage());
            return false;
        }
    }

    /** How long the next request may take to start arriving: see {@link ConnectionTimeouts}. */
    private long nextRequestDeadline(Session session) {
        long now = System.nanoTime();
        if (session.user().isPresent()) {
            loginDeadlineNanos = 0;
            // Our client (it sends seq) pings, so silence means it is gone; the original never pings.
            return session.syncs() ? now + timeouts.silence().toNanos() : 0;
        }
        if (loginDeadlineNanos == 0) {
            loginDeadlineNanos = now + timeouts.login().toNanos();
        }
        return loginDeadlineNanos;
    }

    /** Tells the client which bound it kept the server waiting past; the connection is closed after this. */
    private void refuseTimedOut(Session session) {
        String why = timedOut(session);
        log.debug("closing {}: {}", session, why);
        session.reply(new Message.Error(null, null, ErrorCode.LIMIT_REACHED.code(), why + "; closing the connection"));
    }

    private String timedOut(Session session) {
        if (in.frameTimedOut()) {
            return "a request was not sent whole within " + timeouts.frame().toSeconds() + " s";
        }
        if (session.user().isEmpty()) {
            return "no login within " + timeouts.login().toSeconds() + " s";
        }
        return "nothing received for " + timeouts.silence().toSeconds() + " s (a client that sends seq pings "
                + "every 30 s)";
    }
}
