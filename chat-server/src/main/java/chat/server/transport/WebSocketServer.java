package chat.server.transport;

import chat.core.Codec;
import chat.core.Limits;
import chat.server.delivery.Receipts;
import chat.server.dispatch.Dispatcher;
import chat.server.ops.Metrics;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's HTTP side (Helidon WebServer): the web client's files at {@code /} and the chat protocol over a
 * WebSocket at {@code /ws}, one JSON message per text frame. Helidon runs each connection on a virtual thread of
 * its own, so a request is handled there, blocking, exactly as a TCP connection's thread handles it; the
 * dispatcher, the sessions and the cluster are the node's, shared with {@link ChatServer}.
 *
 * <p>A page of another origin may not open the WebSocket (403), so a site a user visits cannot chat in their name:
 * without configured origins the page must come from the host and port the WebSocket is on (how the web client
 * is served, directly or through a proxy that passes the Host header); with them, from one of them or this
 * node's own address.
 */
public final class WebSocketServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebSocketServer.class);
    public static final String PATH = "/ws";

    /**
     * What the listener needs to know; {@code port} 0 picks a free port, {@code origins} are the page origins
     * such as {@code https://chat.example.com} allowed to open the WebSocket (see above).
     */
    public record Settings(String host, int port, List<String> origins, int maxConnections,
                           long maxQueuedBytesPerConnection, Duration shutdownGrace, ConnectionTimeouts timeouts) {
    }

    private final Settings settings;
    private final Codec codec;
    private final Dispatcher dispatcher;
    private final Receipts receipts;
    private final Metrics metrics;
    private final Set<WebSocketLink> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean();
    /** Checks each link's deadlines and whether its reader is still there, a few times a second. */
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chat-ws-deadlines").daemon().factory());
    private final ExecutorService writers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("chat-ws-writer-", 0).factory());
    /** Ends links the sweeper found gone or late: logging out may wait for Redis or the database. */
    private final ExecutorService enders = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("chat-ws-end-", 0).factory());
    private WebServer server;
    private int port;

    /** {@code metrics} counts WebSocket connections and what they write with the TCP ones. */
    public WebSocketServer(Settings settings, Codec codec, Dispatcher dispatcher, Receipts receipts, Metrics metrics) {
        this.settings = settings;
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.receipts = receipts;
        this.metrics = metrics;
    }

    public void start() {
        HttpRouting.Builder files = HttpRouting.builder();
        new WebFiles().register(files);
        server = WebServer.builder()
                .host(settings.host())
                .port(settings.port())
                // The node decides when it stops: ChatNode closes this in its order, not a hook of Helidon's.
                .shutdownHook(false)
                .shutdownGracePeriod(settings.shutdownGrace())
                .maxTcpConnections(settings.maxConnections())
                // Frames a little over the limit still get the protocol's error 9; far larger ones Helidon refuses
                // with close code 1009 before reading them.
                .addProtocol(WsConfig.builder()
                        .maxFrameLength(2 * Limits.MAX_FRAME_BYTES)
                        .origins(allowedOrigins())
                        .build())
                .addRouting(files)
                .addRouting(WsRouting.builder().endpoint(PATH, this::newLink))
                .build()
                .start();
        port = server.port();
        running.set(true);
        long sweepMillis = ChatServer.sweepPeriod(settings.timeouts()).toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        log.info("web client and WebSocket on http://{}:{}/ ({})", settings.host(), port(), PATH);
    }

    private WebSocketLink newLink() {
        return new WebSocketLink(codec, dispatcher, settings.timeouts(), settings.maxQueuedBytesPerConnection(),
                receipts, metrics, writers, open::add, open::remove);
    }

    /**
     * Empty when none are configured: Helidon then allows only a page from the host and port in the request's
     * Host header. Otherwise the configured ones and this node's own address, which Helidon no longer allows by
     * itself once there is a list.
     */
    private Set<String> allowedOrigins() {
        if (settings.origins().isEmpty()) {
            return Set.of();
        }
        Set<String> origins = new LinkedHashSet<>(settings.origins());
        if (settings.port() != 0) {
            String port = ":" + settings.port();
            origins.add("http://" + settings.host() + port);
            if (isLoopback(settings.host())) {
                origins.add("http://localhost" + port);
                origins.add("http://127.0.0.1" + port);
            }
        }
        return origins;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The bound port, which differs from the configured one when that was 0. */
    public int port() {
        return port;
    }

    private void sweep() {
        long now = System.nanoTime();
        open.forEach(link -> link.sweep(now, enders));
    }

    /**
     * Ends every WebSocket (its user goes offline, what is queued goes out within the grace), then stops
     * Helidon, which closes what is left.
     */
    @Override
    public void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        sweeper.shutdownNow();
        open.forEach(link -> enders.execute(link::end));
        Shutdown.stop(enders, "WebSocket", settings.shutdownGrace());
        server.stop();
        Shutdown.stop(writers, "WebSocket writer", settings.shutdownGrace());
        log.info("stopped the web client and WebSocket on {}:{}", settings.host(), port);
    }

}
