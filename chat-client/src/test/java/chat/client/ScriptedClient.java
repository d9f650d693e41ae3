package chat.client;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code chat-client} run in-process in its non-interactive mode, as {@code printf ... | chat-client} would:
 * lines are fed to its input and its output is collected line by line for the test to wait on. Lines it wrote to
 * stderr are kept with {@link #STDERR} in front.
 */
final class ScriptedClient {
    private static final long WAIT_SECONDS = 10;
    private static final byte[] END = new byte[0];
    static final String STDERR = "2> ";
    private static final Pattern REGISTERED_ID = Pattern.compile("with id (\\d+)");
    private static final Pattern CREATED_GROUP_ID = Pattern.compile("joingroup (\\d+)");

    private final String name;
    private final BlockingQueue<byte[]> input = new LinkedBlockingQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition printed = lock.newCondition();
    private final List<String> transcript = new ArrayList<>();
    private final List<String> unmatched = new ArrayList<>();
    private final Thread thread;
    private volatile int exitCode = -1;

    /** {@code options} come after {@code --host} and {@code --port}. */
    ScriptedClient(String name, int port, String... options) {
        this(name, port, false, options);
    }

    /**
     * The client as a person at a terminal uses it (secrets asked for as such, a failed command does not end the
     * run), with plain lines in and out instead of line editing.
     */
    static ScriptedClient person(String name, int port) {
        return new ScriptedClient(name, port, true);
    }

    private ScriptedClient(String name, int port, boolean person, String... options) {
        this.name = name;
        Feed in = new Feed();
        Collector out = new Collector("");
        Collector err = new Collector(STDERR);
        ClientCommand command = person ? new ClientCommand(completer -> new Person(new PlainFrontend(in, out, err)))
                : new ClientCommand(in, out, err);
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", String.valueOf(port)));
        args.addAll(List.of(options));
        this.thread = Thread.ofPlatform().name("client-" + name).start(() ->
                exitCode = ClientCommand.commandLine(command).execute(args.toArray(String[]::new)));
    }

    void send(String line) {
        input.add((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Ends the input, as the end of a piped script does. */
    void endInput() {
        input.add(END);
    }

    /**
     * Waits for a printed line containing {@code fragment} and returns it. Lines are matched once each, in any
     * order, because chats from others arrive whenever they arrive.
     */
    String expect(String fragment) throws InterruptedException {
        return expect(fragment, "");
    }

    /** Like {@link #expect}, for a line written to stderr; returned without {@link #STDERR}. */
    /** Registers {@code name} (the password quoted, so it may hold spaces) and returns the id the client reports. */
    int register(String name, String password) throws InterruptedException {
        send("register " + name + " '" + password + "'");
        return number(REGISTERED_ID, expect("registered " + name + " with id "));
    }

    /** Waits for the line a group creation prints and returns the new group's id. */
    int expectCreatedGroup() throws InterruptedException {
        return number(CREATED_GROUP_ID, expect("created group ["));
    }

    private static int number(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        assertTrue(matcher.find(), line);
        return Integer.parseInt(matcher.group(1));
    }

    String expectOnStderr(String fragment) throws InterruptedException {
        return expect(fragment, STDERR).substring(STDERR.length());
    }

    private String expect(String fragment, String start) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        lock.lock();
        try {
            while (true) {
                for (int i = 0; i < unmatched.size(); i++) {
                    if (unmatched.get(i).startsWith(start) && unmatched.get(i).contains(fragment)) {
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

    /** Waits for the client to finish and returns its exit code. */
    int exit() throws InterruptedException {
        thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS + 5));
        if (thread.isAlive()) {
            fail(name + " did not exit; it printed:\n" + transcript());
        }
        return exitCode;
    }

    String transcript() {
        lock.lock();
        try {
            return String.join("\n", transcript);
        } finally {
            lock.unlock();
        }
    }

    private void printedLine(String line) {
        lock.lock();
        try {
            transcript.add(line);
            unmatched.add(line);
            printed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Plain lines, but a person rather than a script at the other end. */
    private record Person(PlainFrontend plain) implements Frontend {
        @Override
        public LineSource lines() {
            return plain;
        }

        @Override
        public Screen screen() {
            return plain;
        }

        @Override
        public boolean scripted() {
            return false;
        }

        @Override
        public void close() {
            plain.close();
        }
    }

    /** Standard input: blocks until the test sends a line. */
    private final class Feed extends InputStream {
        private byte[] current = new byte[0];
        private int position;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (current == END) {
                return -1;
            }
            try {
                while (position == current.length) {
                    current = input.take();
                    position = 0;
                    if (current == END) {
                        return -1;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }
    }

    /** Standard output or error: complete UTF-8 lines go to the transcript, with {@code prefix} in front. */
    private final class Collector extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final String prefix;

        Collector(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                printedLine(prefix + line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
