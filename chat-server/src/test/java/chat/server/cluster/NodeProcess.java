package chat.server.cluster;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A chat-server node in a JVM of its own, started from the test classpath, so a test can kill -9 it. */
final class NodeProcess implements AutoCloseable {
    private static final Duration START_WAIT = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final int port;

    private NodeProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static NodeProcess start(int port, String dbUrl, URI redis, String nodeId) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "chat.server.Main",
                "--port", Integer.toString(port), "--db-url", dbUrl, "--db-user", "root", "--db-password", "",
                "--redis", redis.toString(), "--node-id", nodeId, "--pbkdf2-iterations", "1000"));
        Path log = Files.createTempFile("chat-node-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        NodeProcess node = new NodeProcess(process, log, port);
        node.awaitListening();
        return node;
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                RedisServer.sleep(100);
            }
        }
        String output = Files.readString(log);
        close();
        throw new IOException("node on port " + port + " did not start:\n" + output);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook runs, so nothing is released; Redis drops the node's connections. */
    void killHard() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(log);
    }
}
