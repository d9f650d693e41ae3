package chat.server.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A TCP client's socket: lines go out as they are, newline and all, through the socket's stream. */
final class SocketWire implements Wire {
    private static final Logger log = LoggerFactory.getLogger(SocketWire.class);

    private final Socket socket;
    private final OutputStream out;

    SocketWire(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
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
            socket.close();
        } catch (IOException e) {
            log.debug("close of {} failed: {}", socket.getRemoteSocketAddress(), e.toString());
        }
    }

    @Override
    public String remoteAddress() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }
}
