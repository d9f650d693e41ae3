package chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs the load tool against the real server jar for a few seconds at a low rate so it cannot rot. It checks
 * counts and the report's shape, never a latency or a throughput: CI must not fail on timing.
 */
class BenchSmokeTest {
    private static final Path SERVER_JAR = Path.of("..", "chat-server", "target", "chat-server.jar");

    @TempDir
    Path dataDir;
    private int port;
    private Process server;

    @BeforeEach
    void startServer() throws Exception {
        assertTrue(Files.exists(SERVER_JAR), "build chat-server first: " + SERVER_JAR.toAbsolutePath());
        port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        server = new ProcessBuilder(java, "-jar", SERVER_JAR.toString(), "--port", Integer.toString(port),
                "--data-dir", dataDir.toString(), "--pbkdf2-iterations", "1000")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.log").toFile())
                .start();
        awaitListening(port, server);
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void chatModeDeliversEveryMessageAndReportsIt() throws Exception {
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand()).setOut(new PrintWriter(text));
        int exit = cli.execute("chat", "--target", "127.0.0.1:" + port, "--users", "20", "--rate", "100",
                "--duration", "3", "--warmup", "1", "--threads", "1", "--server-pid", Long.toString(server.pid()));
        String report = text.toString();
        assertEquals(0, exit, report);
        assertEquals(300, field(report, "sent"), report);
        assertEquals(300, field(report, "received"), report);
        assertEquals(0, field(report, "lost"), report);
        assertEquals(0, field(report, "duplicates"), report);
        assertEquals(0, field(report, "errors"), report);
        for (String key : new String[] {"latency_us", "delivered_per_s", "server_cpu_us_per_msg", "tool_cpu_s"}) {
            assertTrue(report.contains(key + ":"), key + " missing from\n" + report);
        }
        assertTrue(report.contains("result:                  PASS"), report);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void loginStormCollectsResumeTokensThenLogsEveryoneInWithThem() throws Exception {
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand()).setOut(new PrintWriter(text));
        int exit = cli.execute("login", "--target", "127.0.0.1:" + port, "--users", "20", "--concurrency", "4",
                "--server-pid", Long.toString(server.pid()));
        String report = text.toString();
        assertEquals(0, exit, report);
        assertTrue(report.contains("collected 20 resume tokens"), report);
        assertTrue(report.contains("credential=resume-token"), report);
        assertEquals(20, field(report, "logins_ok"), report);
        assertEquals(0, field(report, "errors"), report);
        assertTrue(report.contains("result:                  PASS"), report);
    }

    private static void awaitListening(int port, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), "server exited with " + (server.isAlive() ? "" : server.exitValue()));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("server did not listen on " + port + " within 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static long field(String report, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + ":\\s+(-?\\d+)").matcher(report);
        assertTrue(m.find(), key + " missing from\n" + report);
        return Long.parseLong(m.group(1));
    }
}
