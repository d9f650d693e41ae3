package chat.server.testkit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A private redis-server on a free port, without persistence, as a child process: tests may kill and restart
 * it without touching the shared Redis on 6379.
 */
public final class RedisServer implements AutoCloseable {
    private static final Duration START_WAIT = Duration.ofSeconds(10);

    private final int port;
    private final Path dir;
    private Process process;

    private RedisServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static RedisServer start() throws IOException {
        RedisServer server = new RedisServer(Ports.free(), Files.createTempDirectory("chat-redis-"));
        server.launch();
        return server;
    }

    private void launch() throws IOException {
        process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Jedis jedis = client()) {
                if ("PONG".equals(jedis.ping())) {
                    return;
                }
            } catch (JedisException e) {
                sleep(50);
            }
        }
        throw new IOException("redis-server on port " + port + " did not answer within " + START_WAIT + ": "
                + Files.readString(dir.resolve("redis.log")));
    }

    public int port() {
        return port;
    }

    /** The redis-server process itself, e.g. for kill -STOP. */
    public long pid() {
        return process.pid();
    }

    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    /** A fresh connection; close it after use. */
    public Jedis client() {
        return new Jedis("127.0.0.1", port, 2000);
    }

    /** Kills Redis outright (SIGKILL): every connection drops, and with no persistence all data is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Starts Redis again on the same port, empty. */
    public void restart() throws IOException {
        launch();
    }

    public long subscribers(String channel) {
        try (Jedis jedis = client()) {
            Map<String, Long> counts = jedis.pubsubNumSub(channel);
            return counts.getOrDefault(channel, 0L);
        }
    }

    public String get(String key) {
        try (Jedis jedis = client()) {
            return jedis.get(key);
        }
    }

    public List<String> channels(String pattern) {
        try (Jedis jedis = client()) {
            return jedis.pubsubChannels(pattern);
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(dir);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
