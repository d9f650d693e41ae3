package chat.server.transport;

import chat.core.Codec;
import chat.core.ErrorCode;
import chat.core.Message;
import chat.core.ProtocolException;
import chat.server.dispatch.Dispatcher;
import chat.server.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a connection does with the requests it reads, whatever carries them (a TCP stream or WebSocket frames):
 * decode each, answer broken input, dispatch the rest, say how long the client may keep the server waiting next
 * (see {@link ConnectionTimeouts}), and log the user out when the connection ends. One per connection, used by
 * the thread that reads it.
 */
final class Requests {
    private static final Logger log = LoggerFactory.getLogger(Requests.class);

    private final Session session;
    private final Codec codec;
    private final Dispatcher dispatcher;
    private final ConnectionTimeouts timeouts;
    /** When a login must have succeeded by, while none has; 0 while logged in. */
    private long loginDeadlineNanos;

    Requests(Session session, Codec codec, Dispatcher dispatcher, ConnectionTimeouts timeouts) {
        this.session = session;
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.timeouts = timeouts;
    }

    Session session() {
        return session;
    }

    /** One whole request as it arrived: decoded and dispatched, or answered with what is wrong with it. */
    void handle(byte[] frame) {
        Message message;
        try {
            message = codec.decode(frame);
        } catch (ProtocolException e) {
            session.reply(e.toReply());
            return;
        }
        dispatcher.dispatch(session, message);
    }

    /** Input that could not even be cut into a request (too large, never closed) gets the reader's error. */
    void refuse(ProtocolException e) {
        session.reply(e.toReply());
    }

    /** By when the next request must start arriving, as a {@link System#nanoTime()}; 0 for never. */
    long nextRequestDeadline(long nowNanos) {
        if (session.user().isPresent()) {
            loginDeadlineNanos = 0;
            // Our client (it sends seq) pings, so silence means it is gone; the original never pings.
            return session.syncs() ? nowNanos + timeouts.silence().toNanos() : 0;
        }
        if (loginDeadlineNanos == 0) {
            loginDeadlineNanos = nowNanos + timeouts.login().toNanos();
        }
        return loginDeadlineNanos;
    }

    /**
     * Tells the client which bound it kept the server waiting past ({@code frameTimedOut}: a request that did not
     * arrive whole in time); the connection is closed after this.
     */
    void refuseTimedOut(boolean frameTimedOut) {
        String why = timedOut(frameTimedOut);
        log.debug("closing {}: {}", session, why);
        session.reply(new Message.Error(null, null, ErrorCode.LIMIT_REACHED.code(), why + "; closing the connection"));
    }

    private String timedOut(boolean frameTimedOut) {
        if (frameTimedOut) {
            return "a request was not sent whole within " + timeouts.frame().toSeconds() + " s";
        }
        if (session.user().isEmpty()) {
            return "no login within " + timeouts.login().toSeconds() + " s";
        }
        return "nothing received for " + timeouts.silence().toSeconds() + " s (a client that sends seq pings "
                + "every 30 s)";
    }

    /** The connection is gone: its user, if any, goes offline. */
    void ended() {
        dispatcher.disconnected(session);
    }
}
