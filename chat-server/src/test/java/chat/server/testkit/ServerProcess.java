package chat.server.testkit;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A chat server in a JVM of its own, so a test can read its CPU time or kill -9 it. It runs {@code chat.server.Main}
 * from the test's own classpath, which holds chat-server in every module that uses this kit: no jar has to be
 * built first and no path depends on the directory the tests run in. It listens on 127.0.0.1 with cheap
 * password hashing; its output goes to a temporary log, shown when it fails to start and deleted on close.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration START_WAIT = Duration.ofSeconds(60);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** The server's own logback.xml (INFO) instead of the tests' logback-test.xml (WARN). */
    private static final String INFO_LOGS = "-Dlogback.configurationFile=logback.xml";

    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** A server on a free port with its embedded database in {@code dataDir}; {@code options} go to the server. */
    public static ServerProcess embedded(Path dataDir, String... options) throws IOException {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(options));
        return start(Ports.free(), all.toArray(String[]::new));
    }

    /**
     * A server like {@link #embedded} that logs at INFO, as a deployed server does; {@code options} go to the
     * server (e.g. {@code --admin-port}).
     */
    public static ServerProcess deployed(Path dataDir, String... options) throws IOException {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(options));
        return start(List.of(), List.of(INFO_LOGS), Ports.free(), all.toArray(String[]::new));
    }

    /**
     * A cluster node on {@code port}, sharing the MariaDB database at {@code dbUrl} (root, no password) and Redis;
     * {@code options} go to the server (e.g. {@code --presence-ttl-ms}). It logs at INFO, as a deployed node does,
     * so {@link #output} shows its Redis and database trouble and recoveries. Started again on the same port
     * with the same id after {@link #killHard}, it is that node coming back.
     */
    public static ServerProcess clusterNode(int port, String dbUrl, URI redis, String nodeId, String... options)
            throws IOException {
        List<String> all = new ArrayList<>(List.of("--db-url", dbUrl, "--db-user", "root", "--db-password", "",
                "--redis", redis.toString(), "--node-id", nodeId));
        all.addAll(List.of(options));
        return start(List.of(), List.of(INFO_LOGS), port, all.toArray(String[]::new));
    }

    /**
     * A server like {@link #embedded} that may hold at most {@code openFiles} descriptors (set with util-linux
     * {@code prlimit}, soft and hard alike, since the JVM raises its soft limit to the hard one) and logs at INFO,
     * as a deployed server does; {@code options} go to the server.
     */
    public static ServerProcess embeddedWithFileLimit(Path dataDir, int openFiles, String... options)
            throws IOException {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(options));
        return start(List.of("prlimit", "--nofile=" + openFiles + ":" + openFiles),
                List.of(INFO_LOGS), Ports.free(), all.toArray(String[]::new));
    }

    private static ServerProcess start(int port, String... options) throws IOException {
        return start(List.of(), List.of(), port, options);
    }

    private static ServerProcess start(List<String> launcher, List<String> jvmOptions, int port, String... options)
            throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, "chat.server.Main",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--pbkdf2-iterations", "1000"));
        command.addAll(List.of(options));
        Path log = Files.createTempFile("chat-server-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(process, log, port);
        server.awaitListening();
        return server;
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                RedisServer.sleep(100);
            }
        }
        String output = Files.readString(log);
        close();
        throw new IOException("the server on port " + port + " did not start:\n" + output);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** What the server has logged so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    /** kill -9: no shutdown hook runs, so nothing is released; Redis drops the node's connections. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly().waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** SIGTERM, the server's orderly stop; kill -9 if it takes longer than ten seconds. */
    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(log);
    }
}
