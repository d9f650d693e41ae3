package chat.server.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's admin port: {@code /metrics} in Prometheus' text format, {@code /health/live} (200 while the process
 * serves HTTP at all) and {@code /health/ready} (200 while every readiness check passes, else 503 naming what
 * failed), for a load balancer or an orchestrator. The JDK's own HTTP server, each exchange on a virtual thread;
 * a scrape or a check is a few milliseconds of work, and nothing here touches the chat path.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    private static final int BACKLOG = 16;
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** One thing a node needs to serve: null while it is fine, else a few words on why it is not. */
    @FunctionalInterface
    public interface Check {
        String problem();
    }

    private final HttpServer server;
    private final ExecutorService exchanges;
    private final Metrics metrics;
    private final List<Check> readiness;

    private AdminServer(HttpServer server, ExecutorService exchanges, Metrics metrics, List<Check> readiness) {
        this.server = server;
        this.exchanges = exchanges;
        this.metrics = metrics;
        this.readiness = List.copyOf(readiness);
    }

    /** Listens on {@code address} (port 0 picks a free one); throws {@link java.net.BindException} if it is taken. */
    public static AdminServer start(InetSocketAddress address, Metrics metrics, List<Check> readiness)
            throws IOException {
        HttpServer server = HttpServer.create(address, BACKLOG);
        ExecutorService exchanges = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("chat-admin-", 0).factory());
        AdminServer admin = new AdminServer(server, exchanges, metrics, readiness);
        server.setExecutor(exchanges);
        server.createContext("/", admin::serve);
        server.start();
        return admin;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) {
        try (exchange) {
            route(exchange);
        } catch (IOException e) {
            log.debug("admin client {} went away: {}", exchange.getRemoteAddress(), e.toString());
        } catch (RuntimeException e) {
            log.warn("admin request {} failed", exchange.getRequestURI(), e);
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            respond(exchange, 405, TEXT, "only GET and HEAD\n");
            return;
        }
        switch (exchange.getRequestURI().getPath()) {
            case "/metrics" -> respond(exchange, 200, PROMETHEUS_TEXT, scrape());
            case "/health/live" -> respond(exchange, 200, TEXT, "live\n");
            case "/health/ready" -> ready(exchange);
            default -> respond(exchange, 404, TEXT, "not found; try /metrics, /health/live or /health/ready\n");
        }
    }

    private byte[] scrape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        metrics.scrape(out);
        return out.toByteArray();
    }

    private void ready(HttpExchange exchange) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Check check : readiness) {
            String problem = check.problem();
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (problems.isEmpty()) {
            respond(exchange, 200, TEXT, "ready\n");
        } else {
            respond(exchange, 503, TEXT, "not ready: " + String.join("; ", problems) + "\n");
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        respond(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops listening, lets exchanges in progress finish, and ends their threads. */
    @Override
    public void close() {
        server.stop(0);
        exchanges.close();
    }
}
