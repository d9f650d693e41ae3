package chat.server.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private mariadbd on a free port with its data in a temporary directory, as a child process, so a test may
 * stop and start it without touching the shared MariaDB on 3306. Small InnoDB files and buffer pool keep it to
 * a second to set up; root has no password, as on the shared one.
 */
public final class MariaDbServer implements AutoCloseable {
    private static final Duration START_WAIT = Duration.ofSeconds(30);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final List<String> SMALL = List.of("--innodb-log-file-size=4M", "--innodb-buffer-pool-size=16M");

    private final int port;
    private final Path dir;
    private Process process;

    private MariaDbServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static MariaDbServer start() throws IOException, InterruptedException {
        MariaDbServer server = new MariaDbServer(Ports.free(), Files.createTempDirectory("chat-mariadb-"));
        server.install();
        server.launch();
        return server;
    }

    private void install() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mariadb-install-db", "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--user=root", "--auth-root-authentication-method=normal",
                "--skip-test-db"));
        command.addAll(SMALL);
        Process install = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("install.log").toFile()).start();
        if (!install.waitFor(START_WAIT.toSeconds(), TimeUnit.SECONDS) || install.exitValue() != 0) {
            install.destroyForcibly();
            throw new IOException("mariadb-install-db failed: " + Files.readString(dir.resolve("install.log")));
        }
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of("mariadbd", "--no-defaults", "--user=root",
                "--datadir=" + dir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("mysqld.pid"),
                "--skip-log-bin"));
        command.addAll(SMALL);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile())).start();
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Connection c = connect("")) {
                return;
            } catch (SQLException notYet) {
                RedisServer.sleep(100);
            }
        }
        throw new IOException("mariadbd on port " + port + " did not answer within " + START_WAIT + ": "
                + Files.readString(dir.resolve("server.log")));
    }

    /** A JDBC URL of {@code database} on this server (user root, no password). */
    public String url(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    public void createDatabase(String name) throws SQLException {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database) + "?connectTimeout=1000", "root", "");
    }

    /** Stops the server as an operator would (SIGTERM) and waits until it is gone: every connection drops. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Starts it again on the same port with the same data. */
    public void restart() throws IOException {
        launch();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
