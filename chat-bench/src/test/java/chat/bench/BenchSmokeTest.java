package chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.testkit.ServerProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Runs the load tool against a real server for a few seconds at a low rate so it cannot rot. It checks counts
 * and the report's shape, never a latency or a throughput: CI must not fail on timing.
 */
class BenchSmokeTest {
    @TempDir
    Path dataDir;
    private ServerProcess server;
    private int port;

    @BeforeEach
    void startServer() throws Exception {
        server = ServerProcess.embedded(dataDir);
        port = server.port();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
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

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void resumeLogsInWithTheTokensTheUserFileKeptAndThePasswordWhereATokenIsRefused() throws Exception {
        Path users = dataDir.resolve("users");
        String first = chat(users, "rs_");
        assertTrue(first.contains("logged in 10 users in") && first.contains("(0 with resume tokens)"), first);
        List<String> lines = Files.readAllLines(users);
        assertEquals(10, lines.size(), String.join("\n", lines));
        assertTrue(lines.stream().allMatch(l -> l.split(" ").length == 3), String.join("\n", lines));
        Files.writeString(users, String.join("\n", lines).replaceFirst("(?m)^(rs_3 \\d+) \\S+$", "$1 not-a-token"));

        String second = chat(users, "rs_", "--resume");
        assertTrue(second.contains("(9 with resume tokens)"), second);
        assertTrue(Files.readString(users).lines().noneMatch(l -> l.endsWith("not-a-token")), Files.readString(users));
    }

    /** A short chat run as the given users that must pass; returns its report. */
    private String chat(Path userFile, String prefix, String... more) {
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand()).setOut(new PrintWriter(text));
        List<String> args = new ArrayList<>(List.of("chat", "--target", "127.0.0.1:" + port, "--users", "10",
                "--rate", "50", "--duration", "1", "--warmup", "0", "--threads", "1", "--prefix", prefix,
                "--user-file", userFile.toString()));
        args.addAll(List.of(more));
        int exit = cli.execute(args.toArray(new String[0]));
        assertEquals(0, exit, text.toString());
        return text.toString();
    }

    private static long field(String report, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + ":\\s+(-?\\d+)").matcher(report);
        assertTrue(m.find(), key + " missing from\n" + report);
        return Long.parseLong(m.group(1));
    }
}
