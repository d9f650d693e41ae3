package chat.server.testkit;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * nginx running the repository's ops/nginx.conf as a child process, with the node and listen ports swapped for
 * the test's own and a prefix in a temporary directory, so it never touches the system's nginx or ports 8000,
 * 8443 and 8080: its TCP balancer on {@link #port()}, the same with TLS on {@link #tlsPort()} (a development
 * certificate made in that prefix, {@link #certificates}), its HTTP one (web client and WebSocket) on
 * {@link #webPort()}.
 */
public final class Nginx implements AutoCloseable {
    public static final Path CONFIG = repositoryFile("ops/nginx.conf");
    private static final Path STREAM_MODULE = Path.of("/usr/lib/nginx/modules/ngx_stream_module.so");

    private final Path prefix;
    private final int port;
    private final int tlsPort;
    private final int webPort;
    private final DevCertificates certificates;
    private final Process process;

    private Nginx(Path prefix, int port, int tlsPort, int webPort, DevCertificates certificates, Process process) {
        this.prefix = prefix;
        this.port = port;
        this.tlsPort = tlsPort;
        this.webPort = webPort;
        this.certificates = certificates;
        this.process = process;
    }

    /** In front of two nodes' TCP ports; its HTTP side points at ports nothing listens on. */
    public static Nginx start(int nodeA, int nodeB) throws IOException {
        return start(nodeA, nodeB, Ports.free(), Ports.free());
    }

    /** In front of two nodes' TCP ports and their web ports ({@code --ws-port}). */
    public static Nginx start(int nodeA, int nodeB, int webA, int webB) throws IOException {
        String config = Files.readString(CONFIG);
        Path prefix = Files.createTempDirectory("chat-nginx-");
        Files.createDirectories(prefix.resolve("logs"));
        DevCertificates certificates = DevCertificates.make(prefix.resolve("tls"));
        int port = Ports.free();
        int tlsPort = Ports.free();
        int webPort = Ports.free();
        Map<String, String> swaps = Map.of("127.0.0.1:6000", "127.0.0.1:" + nodeA,
                "127.0.0.1:6002", "127.0.0.1:" + nodeB, "127.0.0.1:8000", "127.0.0.1:" + port,
                "127.0.0.1:8443", "127.0.0.1:" + tlsPort, "127.0.0.1:6080", "127.0.0.1:" + webA,
                "127.0.0.1:6082", "127.0.0.1:" + webB, "127.0.0.1:8080", "127.0.0.1:" + webPort,
                "CHAT_TLS_DIR/", prefix.resolve("tls") + "/");
        for (var swap : swaps.entrySet()) {
            if (!config.contains(swap.getKey())) {
                throw new IllegalStateException(CONFIG + " no longer mentions " + swap.getKey());
            }
            config = config.replace(swap.getKey(), swap.getValue());
        }
        if (!Files.exists(STREAM_MODULE)) {
            config = config.replaceAll("(?m)^load_module .*$", ""); // built in, or the test fails below
        }
        Files.writeString(prefix.resolve("nginx.conf"), config);
        Process process = new ProcessBuilder("nginx", "-p", prefix + "/", "-e", prefix.resolve("logs/error.log").toString(),
                "-c", prefix.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
                .start();
        Nginx nginx = new Nginx(prefix, port, tlsPort, webPort, certificates, process);
        nginx.awaitListening();
        return nginx;
    }

    /** The HTTP port: the web client at {@code /}, the WebSocket at {@code /ws}. */
    public int webPort() {
        return webPort;
    }

    public int port() {
        return port;
    }

    /** The TLS listener, in front of the same nodes. */
    public int tlsPort() {
        return tlsPort;
    }

    /** The TLS listener's certificate, and the CA a client must trust for it. */
    public DevCertificates certificates() {
        return certificates;
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                break;
            }
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                RedisServer.sleep(50);
            }
        }
        throw new IOException("nginx did not listen on " + port + ": "
                + Files.readString(prefix.resolve("logs/stdout.log")) + Files.readString(prefix.resolve("logs/error.log")));
    }

    /** SIGTERM, nginx's fast shutdown: the master stops its workers, then exits. */
    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (var files = Files.walk(prefix)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** A file of the repository, found from the module directory the tests run in. */
    static Path repositoryFile(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find " + relative + " above " + Path.of("").toAbsolutePath());
    }
}
