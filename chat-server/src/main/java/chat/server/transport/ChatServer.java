package chat.server.transport;

import chat.core.Codec;
import chat.server.delivery.Receipts;
import chat.server.dispatch.Dispatcher;
import chat.server.ops.Metrics;
import chat.server.session.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts connections on one named platform thread and runs each on a virtual thread of its own; a second set
 * of virtual threads writes. A semaphore permit is taken before each accept, so past {@code maxConnections}
 * new clients wait in the backlog instead of costing memory; a failing accept is retried with backoff.
 */
public final class ChatServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatServer.class);
    private static final int BACKLOG = 1024;
    private static final Duration POLLER_START_WAIT = Duration.ofSeconds(10);

    /** What the listener needs to know; {@code port} 0 picks a free port; {@code tls} null serves plain TCP. */
    public record Settings(String host, int port, int maxConnections, long maxQueuedBytesPerConnection,
                           Duration shutdownGrace, ConnectionTimeouts timeouts, ServerTls tls) {

        /** Plain TCP. */
        public Settings(String host, int port, int maxConnections, long maxQueuedBytesPerConnection,
                        Duration shutdownGrace, ConnectionTimeouts timeouts) {
            this(host, port, maxConnections, maxQueuedBytesPerConnection, shutdownGrace, timeouts, null);
        }
    }

    private final Settings settings;
    private final Codec codec;
    private final Dispatcher dispatcher;
    private final Receipts receipts;
    private final Metrics metrics;
    private final Semaphore permits;
    private final Map<Connection, TimedInput> open = new ConcurrentHashMap<>();
    /** Checks every connection's deadlines a few times a second (see {@link TimedInput}). */
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chat-deadlines").daemon().factory());
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService acceptor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("chat-accept").factory());
    private final ExecutorService connections = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("chat-conn-", 0).factory());
    private final ExecutorService writers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("chat-writer-", 0).factory());
    private ServerSocket listener;

    /** {@code metrics} counts connections and what they write, and reads how many are open and what they queue. */
    public ChatServer(Settings settings, Codec codec, Dispatcher dispatcher, Receipts receipts, Metrics metrics) {
        this.settings = settings;
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.receipts = receipts;
        this.metrics = metrics;
        this.permits = new Semaphore(settings.maxConnections());
        metrics.watchConnections(open::size,
                () -> open.keySet().stream().mapToLong(Connection::queuedLines).sum(),
                () -> open.keySet().stream().mapToLong(Connection::queuedBytes).sum());
    }

    public void start() throws IOException {
        startSocketPoller();
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()), BACKLOG);
        running.set(true);
        acceptor.execute(this::acceptLoop);
        long sweepMillis = sweepPeriod(settings.timeouts()).toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        log.info("listening on {}:{}{}", settings.host(), port(),
                settings.tls() == null ? "" : " with TLS (" + settings.tls() + ")");
    }

    /**
     * Parks one virtual thread on a socket read before any client can. The JDK starts the poller that wakes such
     * threads at the first park, opening descriptors for it; if the first park came while descriptors had run out,
     * the poller's class would fail to initialise and no virtual thread could read a socket again.
     */
    private void startSocketPoller() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket probe = new ServerSocket(0, 1, loopback);
             Socket client = new Socket(loopback, probe.getLocalPort());
             Socket silent = probe.accept()) {
            silent.setSoTimeout(1);
            connections.submit(() -> silent.getInputStream().read()).get(POLLER_START_WAIT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException timedOutAsIntended) {
            log.debug("socket poller started: {}", timedOutAsIntended.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the socket poller", e);
        } catch (TimeoutException e) {
            throw new IOException("a socket read did not time out within " + POLLER_START_WAIT, e);
        }
    }

    /** The bound port, which differs from the configured one when that was 0. */
    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        AcceptBackoff backoff = new AcceptBackoff();
        try {
            while (running.get()) {
                permits.acquire();
                Socket socket;
                try {
                    socket = listener.accept();
                } catch (IOException e) {
                    permits.release();
                    if (!running.get()) {
                        return;
                    }
                    Thread.sleep(backoff.failed(e));
                    continue;
                }
                backoff.succeeded();
                startConnection(socket);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startConnection(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            // With TLS the streams are the TLS socket's; the deadlines still shut the TCP socket's input.
            Socket stream = settings.tls() == null ? socket : settings.tls().wrap(socket);
            Connection connection = new Connection(new SocketWire(stream, socket),
                    settings.maxQueuedBytesPerConnection(), receipts, metrics, writers);
            TimedInput in = new TimedInput(stream.getInputStream(), socket, settings.timeouts().frame());
            open.put(connection, in);
            metrics.connectionOpened();
            Requests requests = new Requests(new Session(connection, codec, metrics), codec, dispatcher,
                    settings.timeouts());
            ConnectionHandler handler = new ConnectionHandler(connection, in, requests,
                    stream instanceof SSLSocket tls ? tls : null, settings.timeouts().frame(), () -> {
                        open.remove(connection);
                        permits.release();
                    }, connections);
            connections.execute(handler);
        } catch (IOException | RuntimeException e) {
            log.warn("could not start a connection from {}: {}", socket.getRemoteSocketAddress(), e.toString());
            permits.release();
            closeQuietly(socket);
        }
    }

    /**
     * Stops accepting, closes every connection (their users go offline), waits for their threads within the
     * grace and then interrupts what is left.
     */
    @Override
    public void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        closeQuietly(listener);
        Shutdown.stop(acceptor, "accept", settings.shutdownGrace());
        sweeper.shutdownNow();
        open.keySet().forEach(Connection::close);
        Shutdown.stop(connections, "connection", settings.shutdownGrace());
        Shutdown.stop(writers, "writer", settings.shutdownGrace());
        log.info("stopped listening on {}:{}", settings.host(), listener.getLocalPort());
    }

    private void sweep() {
        long now = System.nanoTime();
        open.values().forEach(in -> in.expireIfDue(now));
    }

    /** A quarter of the shortest deadline, within 50 ms and 1 s: late by at most that much. */
    static Duration sweepPeriod(ConnectionTimeouts timeouts) {
        Duration shortest = Stream.of(timeouts.login(), timeouts.frame(), timeouts.silence())
                .min(Duration::compareTo).orElseThrow().dividedBy(4);
        return shortest.compareTo(Duration.ofMillis(50)) < 0 ? Duration.ofMillis(50)
                : shortest.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : shortest;
    }


    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("close failed: {}", e.toString());
        }
    }
}
