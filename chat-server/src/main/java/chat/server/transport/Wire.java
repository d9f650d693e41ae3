package chat.server.transport;

import java.io.IOException;

/**
 * What carries a connection's outgoing lines: a TCP socket, or a WebSocket. {@link Connection} owns the queue,
 * the backpressure and the receipts; a wire only writes, in order, from one writer thread at a time.
 */
interface Wire {

    /** Writes one line as the encoder made it (a JSON object and its {@code \n}); may buffer. */
    void write(byte[] line) throws IOException;

    /** Sends what {@link #write} buffered. */
    void flush() throws IOException;

    /** Ends the connection, which also ends its reader; called once, and at once: it must not wait on a writer. */
    void close();

    /** Everything went out and nothing is being written: say goodbye politely if the wire has a way (TLS). */
    default void finished() {
    }

    /** For logs and per-address limits: where the client connects from. */
    String remoteAddress();
}
