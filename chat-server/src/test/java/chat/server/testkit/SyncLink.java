package chat.server.testkit;

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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;

/**
 * One connection of a {@link SyncingClient}: requests go out numbered with a fresh {@code seq}, and a reader
 * thread of its own hands each answer to whoever waits for it and everything else to the listener, in the order
 * the server wrote them. When the connection ends, for whatever reason, every unanswered request fails.
 */
final class SyncLink implements AutoCloseable {
    /** Called on the reader thread, before the next message is read. */
    interface Listener {
        /** {@code answer} answers a request of this link; called before its waiter hears of it. */
        void answered(Message answer);

        /** A message that answers nothing (a chat pushed to this client). */
        void pushed(Message message);
    }

    private final int port;
    private final Socket socket;
    private final OutputStream out;
    private final Codec codec;
    private final Listener listener;
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicInteger seq = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Message>> waiting = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private SyncLink(int port, Socket socket, Codec codec, Listener listener) throws IOException {
        this.port = port;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.codec = codec;
        this.listener = listener;
    }

    /** Connects to 127.0.0.1:{@code port} and starts reading on a thread of {@code readers}. */
    static SyncLink open(int port, Codec codec, Listener listener, Duration connectTimeout, Executor readers)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) connectTimeout.toMillis());
            SyncLink link = new SyncLink(port, socket, codec, listener);
            readers.execute(link::read);
            return link;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** Sends the request {@code build} makes of a fresh seq; completes with its answer, or fails with the link. */
    CompletableFuture<Message> request(IntFunction<Message> build) {
        int s = seq.incrementAndGet();
        CompletableFuture<Message> answer = new CompletableFuture<>();
        waiting.put(s, answer);
        if (closed.isDone() || !send(build.apply(s))) {
            waiting.remove(s);
            answer.completeExceptionally(new IOException("the connection to port " + port + " is gone"));
        }
        return answer;
    }

    /** Writes {@code message}; false when the connection is gone (it is closed then). */
    boolean send(Message message) {
        writing.lock();
        try {
            out.write(codec.encodeLine(message));
            out.flush();
            return true;
        } catch (IOException e) {
            close();
            return false;
        } finally {
            writing.unlock();
        }
    }

    /** Completes once the connection has ended and every unanswered request has failed. */
    CompletableFuture<Void> closed() {
        return closed;
    }

    boolean isOpen() {
        return !closed.isDone() && !socket.isClosed();
    }

    private void read() {
        try {
            FrameReader frames = new FrameReader(socket.getInputStream(), Limits.MAX_FRAME_BYTES);
            for (byte[] frame = frames.next(); frame != null; frame = frames.next()) {
                Message message = codec.decode(frame);
                CompletableFuture<Message> waiter = message.seq() == null ? null : waiting.remove(message.seq());
                if (waiter == null) {
                    listener.pushed(message);
                } else {
                    listener.answered(message);
                    waiter.complete(message);
                }
            }
        } catch (IOException | ProtocolException e) {
            // the connection ended: below, as at the end of the stream
        } finally {
            close();
            IOException gone = new IOException("the connection to port " + port + " ended before the answer");
            waiting.values().forEach(waiter -> waiter.completeExceptionally(gone));
            waiting.clear();
            closed.complete(null);
        }
    }

    /** Drops the connection; the reader then fails what is unanswered. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that was wanted
        }
    }
}
