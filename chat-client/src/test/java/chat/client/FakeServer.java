package chat.client;

import chat.core.Codec;
import chat.core.FrameReader;
import chat.core.Limits;
import chat.core.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A scripted stand-in for the server: each request read is handed to a {@link Script} along with the socket. */
final class FakeServer implements AutoCloseable {
    @FunctionalInterface
    interface Script {
        /** {@code connection} counts accepted connections from 1. */
        void answer(int connection, Message request, Reply reply) throws IOException;
    }

    /** Writes to, or hangs up on, the connection the request came from. */
    static final class Reply {
        private final Socket socket;
        private final Codec codec;

        Reply(Socket socket, Codec codec) {
            this.socket = socket;
            this.codec = codec;
        }

        void send(Message message) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(codec.encodeLine(message));
            out.flush();
        }

        void hangUp() throws IOException {
            socket.close();
        }
    }

    private final Codec codec = new Codec();
    private final ServerSocket listener;
    private final Script script;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    FakeServer(Script script) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    ServerConnection dial() throws IOException {
        return ServerConnection.open("127.0.0.1", port(), java.time.Duration.ofSeconds(2), codec, null);
    }

    private void accept() {
        try {
            for (int n = 1; ; n++) {
                Socket socket = listener.accept();
                sockets.add(socket);
                int connection = n;
                Thread.ofVirtual().start(() -> serve(connection, socket));
            }
        } catch (IOException e) {
            // Closed by the test.
        }
    }

    private void serve(int connection, Socket socket) {
        try (socket) {
            FrameReader frames = new FrameReader(socket.getInputStream(), Limits.MAX_FRAME_BYTES);
            Reply reply = new Reply(socket, codec);
            for (byte[] frame; (frame = frames.next()) != null; ) {
                script.answer(connection, codec.decode(frame), reply);
            }
        } catch (Exception e) {
            // The test hung up, or the client did.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        acceptor.interrupt();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
