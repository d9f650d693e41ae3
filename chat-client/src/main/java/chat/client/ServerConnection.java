package chat.client;

import chat.core.Codec;
import chat.core.FrameReader;
import chat.core.Limits;
import chat.core.Message;
import chat.core.ProtocolException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection to the server, over TCP or TLS. Any thread may send; a lock keeps lines whole. Only the link's
 * reader thread receives.
 */
final class ServerConnection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final FrameReader frames;
    private final Codec codec;
    private final ReentrantLock writeLock = new ReentrantLock();

    private ServerConnection(Socket socket, Codec codec) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.frames = new FrameReader(socket.getInputStream(), Limits.MAX_ANSWER_BYTES);
        this.codec = codec;
    }

    /** {@code tls} null speaks plain TCP. */
    static ServerConnection open(String host, int port, Duration timeout, Codec codec, ClientTls tls)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(timeout.toMillis()));
            socket.setTcpNoDelay(true);
            return new ServerConnection(tls == null ? socket : tls.secure(socket, host, port, timeout), codec);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    void send(Message message) throws IOException {
        byte[] line = codec.encodeLine(message);
        writeLock.lock();
        try {
            out.write(line);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    /** The next message, or null once the server has closed the connection. */
    Message receive() throws IOException, ProtocolException {
        byte[] frame = frames.next();
        return frame == null ? null : codec.decode(frame);
    }

    /** Also unblocks a thread waiting in {@link #receive}. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more can go wrong with a socket being thrown away.
        }
    }
}
