package chat.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The terminal client, {@code chat-client}, in a JVM of its own and in its scripted mode, as
 * {@code printf ... | chat-client --port P} runs it: lines go to its standard input, and what it prints (both
 * streams) is collected line by line for the test to wait on.
 */
final class TerminalUser implements AutoCloseable {
    private static final long WAIT_SECONDS = 15;

    private final String name;
    private final Process process;
    private final Writer input;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition printed = lock.newCondition();
    private final List<String> transcript = new ArrayList<>();
    private final List<String> unmatched = new ArrayList<>();

    private TerminalUser(String name, Process process) {
        this.name = name;
        this.process = process;
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofVirtual().name("terminal-" + name).start(this::collect);
    }

    /** chat-client from the test's classpath, connected to 127.0.0.1:{@code port}. */
    static TerminalUser start(String name, int port) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "chat.client.Main", "--host", "127.0.0.1", "--port", Integer.toString(port))
                .redirectErrorStream(true)
                .start();
        return new TerminalUser(name, process);
    }

    void send(String line) throws IOException {
        input.write(line + "\n");
        input.flush();
    }

    /** Waits for a printed line containing {@code fragment} and returns it; each line matches once. */
    String expect(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        lock.lock();
        try {
            while (true) {
                for (int i = 0; i < unmatched.size(); i++) {
                    if (unmatched.get(i).contains(fragment)) {
                        return unmatched.remove(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail(name + " did not print '" + fragment + "' within " + WAIT_SECONDS + " s; it printed:\n"
                            + String.join("\n", transcript));
                }
                printed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    private void collect() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lock.lock();
                try {
                    transcript.add(line);
                    unmatched.add(line);
                    printed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** {@code quit}, end of input, and the process's end (killed if it takes over ten seconds). */
    @Override
    public void close() throws InterruptedException {
        try {
            send("quit");
            input.close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
