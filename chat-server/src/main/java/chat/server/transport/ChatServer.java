package chat.server.transport;

import chat.core.Codec;
import chat.server.dispatch.Dispatcher;
import chat.server.routing.OfflineStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts connections on one named platform thread and runs each on a virtual thread of its own. A semaphore
 * permit is taken before each accept, so past {@code maxConnections} new clients wait in the backlog instead
 * of costing memory.
 */
public final class ChatServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatServer.class);

    /** What the listener needs to know; {@code port} 0 picks a free port. */
    public record Settings(String host, int port, int maxConnections, long maxQueuedBytesPerConnection,
                           Duration shutdownGrace) {
    }

    private final Settings settings;
    private final Codec codec;
    private final Dispatcher dispatcher;
    private final OfflineStore offline;
    private final Semaphore permits;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean();
    private final CountDownLatch acceptLoopDone = new CountDownLatch(1);
    private ServerSocket listener;
    private Thread acceptThread;

    public ChatServer(Settings settings, Codec codec, Dispatcher dispatcher, OfflineStore offline) {
        this.settings = settings;
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.offline = offline;
        this.permits = new Semaphore(settings.maxConnections());
    }

    public void start() throws IOException {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()), 1024);
        running.set(true);
        acceptThread = Thread.ofPlatform().name("chat-accept").start(this::acceptLoop);
        log.info("listening on {}:{}", settings.host(), port());
    }

    /** The bound port, which differs from the configured one when that was 0. */
    public int port() {
        return listener.getLocalPort();
    }

    public int connectionCount() {
        return open.size();
    }

    private void acceptLoop() {
        try {
            while (running.get()) {
                permits.acquire();
                Socket socket;
                try {
                    socket = listener.accept();
                } catch (IOException e) {
                    permits.release();
                    if (running.get()) {
                        log.warn("accept failed: {}", e.toString());
                        continue;
                    }
                    return;
                }
                startConnection(socket);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            acceptLoopDone.countDown();
        }
    }

    private void startConnection(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            Connection connection = new Connection(socket, settings.maxQueuedBytesPerConnection(), offline);
            open.add(connection);
            ConnectionHandler handler = new ConnectionHandler(connection, socket.getInputStream(), codec,
                    dispatcher, () -> {
                        open.remove(connection);
                        permits.release();
                    });
            Thread.ofVirtual().name("chat-conn-" + socket.getPort()).start(handler);
        } catch (IOException | RuntimeException e) {
            log.warn("could not start a connection from {}: {}", socket.getRemoteSocketAddress(), e.toString());
            permits.release();
            closeQuietly(socket);
        }
    }

    /** Stops accepting, closes every connection (their users go offline), and waits for them within the grace. */
    @Override
    public void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        closeQuietly(listener);
        try {
            acceptLoopDone.await(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
            open.forEach(Connection::close);
            long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!open.isEmpty()) {
            log.warn("{} connections still open after the shutdown grace", open.size());
        }
        log.info("stopped listening on {}:{}", settings.host(), listener.getLocalPort());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("close failed: {}", e.toString());
        }
    }
}
