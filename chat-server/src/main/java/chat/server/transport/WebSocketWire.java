package chat.server.transport;

import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A browser's WebSocket: each line goes out as one text frame holding one JSON object, without the newline that
 * separates lines on TCP. Helidon writes and flushes a frame at once, so there is nothing to flush.
 *
 * <p>Closing must never block the caller (a connection is closed by whoever finds its queue full, possibly another
 * user's thread), and must end a connection whose client has stopped reading, where even the close frame cannot
 * be written: the frame goes out on a thread of its own, and if Helidon's reading thread has not ended within a
 * grace, it is interrupted, which closes the socket of a virtual thread blocked on it and so ends both.
 */
final class WebSocketWire implements Wire {
    private static final Logger log = LoggerFactory.getLogger(WebSocketWire.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final WsSession session;
    private final Thread reader;
    private final Executor closers;
    private final String remoteAddress;

    /** {@code reader} is the thread Helidon reads this WebSocket on; {@code closers} run the close. */
    WebSocketWire(WsSession session, Thread reader, Executor closers) {
        this.session = session;
        this.reader = reader;
        this.closers = closers;
        this.remoteAddress = String.valueOf(session.socketContext().remotePeer().address());
    }

    @Override
    public void write(byte[] line) throws IOException {
        int length = line.length;
        if (length > 0 && line[length - 1] == '\n') {
            length--;
        }
        if (length == 0) {
            return; // the connection's drain marker, or nothing at all: no empty frame
        }
        try {
            session.send(new String(line, 0, length, StandardCharsets.UTF_8), true);
        } catch (RuntimeException e) {
            // Helidon reports a broken socket unchecked; the connection treats it as any failed write.
            throw new IOException("WebSocket write failed", e);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        try {
            closers.execute(() -> {
                try {
                    session.close(WsCloseCodes.NORMAL_CLOSE, "closed by the server");
                } catch (RuntimeException e) {
                    log.debug("close frame to {} failed: {}", remoteAddress, e.toString());
                }
            });
            closers.execute(() -> {
                try {
                    // The client answers the close frame with its own, and Helidon ends the connection.
                    if (!reader.join(CLOSE_GRACE)) {
                        log.debug("cutting off {}: no answer to the close frame", remoteAddress);
                        reader.interrupt();
                    }
                } catch (InterruptedException e) {
                    reader.interrupt();
                }
            });
        } catch (RejectedExecutionException e) {
            reader.interrupt(); // the server is stopping
        }
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }
}
