package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.core.Version;
import chat.server.testkit.Ports;
import chat.server.testkit.ServerProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(90)
class ServeCommandTest {
    private static final Duration LOGGED_WITHIN = Duration.ofSeconds(10);

    /** What a run of the command printed and returned. */
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ServeCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void versionIsTheProjectVersionTheClientReportsToo() {
        Run run = run("--version");
        assertEquals(0, run.code());
        assertEquals("chat-server " + Version.current(), run.out().strip());
    }

    @Test
    void aPortOutOfRangeIsAUsageErrorBeforeTheDatabaseIsTouched(@TempDir Path tmp) {
        Path dataDir = tmp.resolve("data");

        Run run = run("--port", "70000", "--data-dir", dataDir.toString());

        assertEquals(2, run.code(), run.err());
        assertEquals(List.of("chat-server: --port must be a TCP port from 0 (any free one) to 65535, was 70000",
                "'chat-server --help' lists the options"), run.err().lines().toList());
        assertFalse(Files.exists(dataDir), "no database was created");
    }

    @Test
    void anAdminPortOutOfRangeOrAPortThatIsNoNumberOrAnEmptyPoolIsAUsageError(@TempDir Path tmp) {
        Path dataDir = tmp.resolve("data");

        Run admin = run("--admin-port", "-1", "--data-dir", dataDir.toString());
        Run notANumber = run("--port", "six", "--data-dir", dataDir.toString());
        Run pool = run("--db-pool-size", "0", "--data-dir", dataDir.toString());

        assertEquals(2, admin.code());
        assertTrue(admin.err().startsWith("chat-server: --admin-port must be a TCP port"), admin.err());
        assertEquals(2, notANumber.code());
        assertTrue(notANumber.err().startsWith("chat-server: Invalid value for option '--port'"), notANumber.err());
        assertEquals(2, pool.code());
        assertTrue(pool.err().startsWith("chat-server: --db-pool-size must be at least 1"), pool.err());
        assertFalse(Files.exists(dataDir), "no database was created");
    }

    @Test
    void aMistypedOptionIsOneLineWithASuggestion() {
        Run run = run("--admin-prot", "9100");

        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("chat-server: Unknown options: '--admin-prot', '9100'"), run.err());
        assertTrue(run.err().contains("--admin-port"), "did you mean: " + run.err());
        assertTrue(run.err().lines().count() <= 4, run.err());
    }

    @Test
    void aChatPortInUseIsNamedInOneLine(@TempDir Path tmp) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = run("--host", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()), "--data-dir",
                    tmp.toString(), "--pbkdf2-iterations", "1000");

            assertEquals(1, run.code());
            assertEquals(List.of("chat-server: 127.0.0.1:" + taken.getLocalPort() + " is already in use; pass another "
                    + "--port"), run.err().lines().toList());
        }
    }

    @Test
    void anAdminPortInUseIsNamedInOneLine(@TempDir Path tmp) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = run("--host", "127.0.0.1", "--port", Integer.toString(Ports.free()), "--data-dir",
                    tmp.toString(), "--pbkdf2-iterations", "1000", "--admin-port",
                    Integer.toString(taken.getLocalPort()));

            assertEquals(1, run.code());
            assertEquals(List.of("chat-server: 127.0.0.1:" + taken.getLocalPort() + " is already in use; pass another "
                    + "--admin-port"), run.err().lines().toList());
        }
    }

    /**
     * A server in a JVM of its own, as an operator starts it: its first lines say what it runs with, and its
     * admin port answers; a second server on the same data directory is refused in one line.
     */
    @Test
    void aServerSaysWhatItRunsWithAndASecondOnTheSameDataDirectoryIsRefused(@TempDir Path tmp) throws Exception {
        int adminPort = Ports.free();
        try (ServerProcess first = ServerProcess.deployed(tmp, "--admin-port", Integer.toString(adminPort))) {
            String started = awaitLogged(first, "Ctrl-C to stop");
            assertTrue(started.contains("chat-server " + Version.current() + " starting"), started);
            assertTrue(started.contains("database: embedded, in " + tmp.toAbsolutePath()), started);
            assertTrue(started.contains("cluster: none, this node runs alone"), started);
            assertTrue(started.contains("serving chats on 127.0.0.1:" + first.port() + " (plain TCP: passwords cross "
                    + "the network in clear); metrics on http://127.0.0.1:"
                    + adminPort + "/metrics"), started);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> live = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + adminPort + "/health/live")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, live.statusCode());

            Run second = run("--port", Integer.toString(Ports.free()), "--data-dir", tmp.toString());

            assertEquals(1, second.code());
            assertEquals(List.of("chat-server: another server is using " + tmp + "; pass --data-dir"),
                    second.err().lines().toList());
        }
    }

    private static String awaitLogged(ServerProcess server, String text) throws Exception {
        long deadline = System.nanoTime() + LOGGED_WITHIN.toNanos();
        String output = server.output();
        while (!output.contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            output = server.output();
        }
        assertTrue(output.contains(text), "'" + text + "' within " + LOGGED_WITHIN + " in:\n" + output);
        return output;
    }

    @Test
    void webOptionsWithoutAWebPortAreRefusedBeforeAnythingStarts() {
        Run run = run("--ws-origin", "https://chat.example.com");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("--ws-host and --ws-origin need --ws-port"), run.err());
    }
}
