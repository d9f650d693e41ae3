package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.testkit.RawClient;
import chat.server.testkit.ServerProcess;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server process runs out of file descriptors. Its connection cap keeps it below its own open-file limit,
 * so the test lowers the limit under the running process (prlimit --pid), as when something else in the process
 * takes the descriptors, and then connects more clients than fit.
 */
class AcceptWhenDescriptorsRunOutTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CLK_TCK = 100;
    private static final String EMFILE = "Too many open files";

    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void acceptBacksOffLogsOnceAndServesAgainWhenClientsLeave() throws Exception {
        try (ServerProcess server = ServerProcess.embeddedWithFileLimit(dataDir, 1024,
                "--max-connections", "200000")) {
            assertTrue(server.output().contains("max connections lowered from 200000"), server.output());

            // No client has been served yet, so the JDK's socket poller starts, if not at start-up, when the
            // descriptors have run out.
            setFileLimit(server.pid(), openDescriptors(server.pid()) + 6);
            List<Socket> crowd = new ArrayList<>();
            try {
                for (int i = 0; i < 40; i++) {
                    crowd.add(new Socket("127.0.0.1", server.port()));
                }
                await(() -> output(server).contains(EMFILE), "accept fails for want of descriptors");
                long cpuBefore = cpuTicks(server.pid());
                Thread.sleep(4_000);
                long cpuSpent = cpuTicks(server.pid()) - cpuBefore;
                assertTrue(cpuSpent < CLK_TCK, "the accept loop waits instead of spinning: " + cpuSpent
                        + " ticks of CPU in 4 s");
            } finally {
                for (Socket socket : crowd) {
                    socket.close();
                }
            }

            // New clients are served again, and the end of the episode is logged, within the wait. A client may
            // still have to wait a moment while the accept loop backs off, longer on a loaded machine.
            long deadline = System.nanoTime() + WAIT.toNanos();
            boolean served = false;
            while (!served || !output(server).contains("accepting again after")) {
                assertTrue(System.nanoTime() < deadline, "served again (" + served + ") and the end of the "
                        + "episode logged within " + WAIT + ":\n" + output(server));
                served |= pongs(server.port());
                Thread.sleep(300);
            }
            assertEquals(1, output(server).lines().filter(line -> line.contains(EMFILE)).count(),
                    "one warning for the whole episode:\n" + output(server));
        }
    }

    /** True when a new client's ping is answered with a pong. */
    private static boolean pongs(int port) {
        try (RawClient client = new RawClient(port)) {
            int seq = client.request("\"msgid\":20");
            return client.answer(seq).path("msgid").asInt() == 21;
        } catch (IOException e) {
            return false;
        }
    }

    private static long openDescriptors(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.count();
        }
    }

    private static void setFileLimit(long pid, long limit) throws IOException, InterruptedException {
        Process prlimit = new ProcessBuilder("prlimit", "--pid", Long.toString(pid),
                "--nofile=" + limit + ":" + limit).inheritIO().start();
        assertTrue(prlimit.waitFor(10, TimeUnit.SECONDS), "prlimit finished");
        assertEquals(0, prlimit.exitValue(), "prlimit succeeded");
    }

    /** User plus system CPU time of the process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String output(ServerProcess server) {
        try {
            return server.output();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what + " within " + WAIT);
            Thread.sleep(50);
        }
    }
}
