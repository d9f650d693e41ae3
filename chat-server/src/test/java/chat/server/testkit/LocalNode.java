package chat.server.testkit;

import chat.server.ChatNode;
import chat.server.storage.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A node running alone in the test's own JVM, on a free port, with its embedded database in a directory the test
 * gives (a {@code @TempDir}); it hands out raw clients and closes them before itself.
 */
public final class LocalNode implements AutoCloseable {
    private final ChatNode node;
    private final List<AutoCloseable> clients = new ArrayList<>();

    private LocalNode(ChatNode node) {
        this.node = node;
    }

    /** Cheap password hashing, so registering and logging in cost the tests little. */
    public static LocalNode start(Path dataDir) throws IOException {
        return new LocalNode(ChatNode.start(new ChatNode.Settings("127.0.0.1", 0,
                DatabaseSettings.embedded(dataDir, DatabaseSettings.DEFAULT_POOL_SIZE), 1000, 1000, 1 << 20,
                Duration.ofSeconds(2))));
    }

    /** Like {@link #start}, also serving the web client and its WebSocket on a free port. */
    public static LocalNode startWithWeb(Path dataDir) throws IOException {
        return new LocalNode(ChatNode.start(new ChatNode.Settings("127.0.0.1", 0,
                DatabaseSettings.embedded(dataDir, DatabaseSettings.DEFAULT_POOL_SIZE), 1000, 1000, 1 << 20,
                Duration.ofSeconds(2)).withWeb(new ChatNode.Web("127.0.0.1", 0, List.of()))));
    }

    public int webPort() {
        return node.webPort();
    }

    /** A new WebSocket connection (the node must serve one), closed with the node. */
    public WebSocketClient connectWeb() throws IOException {
        WebSocketClient client = new WebSocketClient(node.webPort());
        clients.add(client);
        return client;
    }

    /** A new connection, closed with the node. */
    public RawClient connect() throws IOException {
        RawClient client = new RawClient(node.port());
        clients.add(client);
        return client;
    }

    @Override
    public void close() throws IOException {
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
        node.close();
    }
}
