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
import java.io.InputStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection, all of it on the connection's own virtual thread: read a frame, decode it, dispatch it,
 * and again, until the client leaves. Broken input is answered and skipped; only an oversized frame, which
 * cannot be skipped safely, ends the connection.
 */
final class ConnectionHandler implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final Connection connection;
    private final InputStream in;
    private final Codec codec;
    private final Dispatcher dispatcher;
    private final Runnable onClosed;

    ConnectionHandler(Connection connection, InputStream in, Codec codec, Dispatcher dispatcher,
                      Runnable onClosed) {
        this.connection = connection;
        this.in = in;
        this.codec = codec;
        this.dispatcher = dispatcher;
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
            byte[] frame;
            try {
                frame = frames.next();
            } catch (ProtocolException e) {
                session.reply(e.toReply());
                if (e.code() == ErrorCode.TOO_LARGE) {
                    log.warn("closing {}: {}", session, e.getMessage());
                    return;
                }
                continue;
            }
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
}
