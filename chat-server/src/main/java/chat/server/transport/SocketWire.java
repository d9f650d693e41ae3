package chat.server.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP client's socket: lines go out as they are, newline and all, through {@code stream}, the socket itself or
 * the TLS socket over it. Closing closes {@code tcp}, the socket beneath: closing a TLS socket sends close_notify,
 * which would wait for a writer stuck on a client that stopped reading.
 */
final class SocketWire implements Wire {
    private static final Logger log = LoggerFactory.getLogger(SocketWire.class);

    private final Socket stream;
    private final Socket tcp;
    private final OutputStream out;

    SocketWire(Socket stream, Socket tcp) throws IOException {
        this.stream = stream;
        this.tcp = tcp;
        this.out = stream.getOutputStream();
    }

    @Override
    public void write(byte[] line) throws IOException {
        out.write(line);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() {
        try {
            tcp.close();
        } catch (IOException e) {
            log.debug("close of {} failed: {}", tcp.getRemoteSocketAddress(), e.toString());
        }
    }

    @Override
    public void finished() {
        if (stream != tcp) {
            // Nothing is being written, so close_notify goes out at once and the client reads a clean end.
            try {
                stream.close();
            } catch (IOException e) {
                log.debug("TLS close of {} failed: {}", tcp.getRemoteSocketAddress(), e.toString());
            }
        }
    }

    @Override
    public String remoteAddress() {
        return String.valueOf(tcp.getRemoteSocketAddress());
    }
}
