package chat.server.transport;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web client's files, from the {@code web/} folder of the server's classpath: {@code /} is its
 * {@code index.html}, {@code /NAME.EXT} the file of that name. Only plain names are served (no folders, so no
 * path leads elsewhere), each read once and kept. The pages may load nothing from other origins.
 */
final class WebFiles {
    private static final Pattern NAME = Pattern.compile("/([a-z0-9][a-z0-9-]*)\\.(html|css|js|svg|png)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");
    private static final String POLICY = "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'";

    private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();

    void register(HttpRouting.Builder routing) {
        // Only names with an extension, so the route never takes the WebSocket's path.
        routing.get("/", (req, res) -> send(res, "index", "html"))
                .get("/{file:[a-z0-9][a-z0-9-]*\\.[a-z]+}", this::serve);
    }

    private void serve(ServerRequest request, ServerResponse response) {
        Matcher name = NAME.matcher(request.path().path());
        if (!name.matches()) {
            notFound(response);
            return;
        }
        send(response, name.group(1), name.group(2));
    }

    private void send(ServerResponse response, String name, String extension) {
        Optional<byte[]> content = files.computeIfAbsent(name + "." + extension, WebFiles::read);
        if (content.isEmpty()) {
            notFound(response);
            return;
        }
        response.header("Content-Type", TYPES.get(extension));
        // Revalidated on every load, so a reload after an upgrade never mixes old and new modules.
        response.header("Cache-Control", "no-cache");
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Content-Security-Policy", POLICY);
        response.send(content.get());
    }

    private static void notFound(ServerResponse response) {
        response.status(Status.NOT_FOUND_404);
        response.header("Content-Type", "text/plain; charset=utf-8");
        response.send("not found\n".getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<byte[]> read(String file) {
        try (InputStream in = WebFiles.class.getResourceAsStream("/web/" + file)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web/" + file + " from the classpath", e);
        }
    }
}
