package chat.client;

import chat.core.ErrorCode;
import chat.core.Message;
import chat.core.ProtocolException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The conversation with the server across reconnections. Numbers every request with a fresh seq and hands
 * back the answer that echoes it; passes everything else (chats from others, strays) to {@link Events}. When
 * the connection drops it fails what was waiting, then redials with backoff until it succeeds or is closed.
 */
final class Link implements AutoCloseable {
    @FunctionalInterface
    interface Dialer {
        ServerConnection dial() throws IOException;
    }

    /** Called on the link's reader thread, except {@link #restored}; none of them may block on an answer. */
    interface Events {
        void delivered(Message message);

        void unreadable(String why);

        void lost(String why);

        void retrying(int attempt, Duration delay, String why);

        /** Called on a thread of its own, so it may send requests and wait for their answers. */
        void restored();
    }

    /** Why a request got no answer: the connection was down or went down. The message is for the user. */
    static final class Down extends Exception {
        Down(String message) {
            super(message, null, false, false);
        }
    }

    private final Dialer dialer;
    private final Backoff backoff;
    private final Pending pending = new Pending();
    private final AtomicInteger seqs = new AtomicInteger();
    private volatile ServerConnection current;
    private volatile boolean closed;
    private volatile String dropReason;
    private volatile long lastSentNanos = System.nanoTime();
    /** Released to cut the wait before the next redial short. */
    private final Semaphore retryNow = new Semaphore(0);
    /** The reader, and each re-login after a reconnect; stopped by {@link #close}. */
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("chat-link-", 0).factory());

    Link(Dialer dialer, Backoff backoff) {
        this.dialer = dialer;
        this.backoff = backoff;
    }

    /** Dials once, failing fast so a wrong address is reported at start-up, then starts reading. */
    void start(Events events) throws IOException {
        current = dialer.dial();
        threads.execute(() -> run(events));
    }

    CompletableFuture<Message> request(IntFunction<Message> build) {
        return request(build, answer -> answer);
    }

    /**
     * Sends a request and returns what {@code handle} makes of its answer. {@code handle} is attached before the
     * request goes out, so it runs on the reader as the answer is read, before anything the server sent after
     * it: a login ack is taken in before the chats that follow it.
     */
    <R> CompletableFuture<R> request(IntFunction<Message> build,
                                     Function<CompletableFuture<Message>, CompletableFuture<R>> handle) {
        ServerConnection connection = current;
        if (connection == null) {
            return handle.apply(CompletableFuture.failedFuture(new Down("not connected to the server; reconnecting")));
        }
        int seq = seqs.incrementAndGet();
        CompletableFuture<R> handled = handle.apply(pending.open(seq));
        try {
            write(connection, build.apply(seq));
        } catch (IOException e) {
            pending.fail(seq, new Down("could not send: " + e.getMessage()));
        }
        return handled;
    }

    /** Sends a message that gets no answer (it carries no seq); false when it could not be sent. */
    boolean send(Message message) {
        ServerConnection connection = current;
        if (connection == null) {
            return false;
        }
        try {
            write(connection, message);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** How long since anything was sent. */
    Duration quietFor() {
        return Duration.ofNanos(System.nanoTime() - lastSentNanos);
    }

    boolean connected() {
        return current != null;
    }

    /** Redials at once instead of waiting out the backoff; false when connected, and so nothing to do. */
    boolean retryNow() {
        if (current != null) {
            return false;
        }
        retryNow.release();
        return true;
    }

    /** Abandons the current connection, which the reader then reports lost and replaces. */
    void drop(String why) {
        ServerConnection connection = current;
        if (connection != null) {
            dropReason = why;
            connection.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        ServerConnection connection = current;
        if (connection != null) {
            connection.close();
        }
        threads.shutdownNow();
        pending.failAll(new Down("the client is closing"));
    }

    /** A connection that fails a write is closed, so the reader reports it lost and redials. */
    private void write(ServerConnection connection, Message message) throws IOException {
        try {
            connection.send(message);
            lastSentNanos = System.nanoTime();
        } catch (IOException e) {
            connection.close();
            throw e;
        }
    }

    private void run(Events events) {
        ServerConnection connection = current;
        while (connection != null) {
            String why = readUntilLost(connection, events);
            current = null;
            connection.close();
            pending.failAll(new Down("the connection was lost before the answer came"));
            if (closed) {
                return;
            }
            events.lost(why);
            connection = redial(events);
            current = connection;
            if (connection != null) {
                threads.execute(events::restored);
            }
        }
    }

    private String readUntilLost(ServerConnection connection, Events events) {
        dropReason = null;
        while (true) {
            Message message;
            try {
                message = connection.receive();
            } catch (ProtocolException e) {
                if (e.code() == ErrorCode.TOO_LARGE) {
                    return "the server sent a message too large to read";
                }
                events.unreadable(e.getMessage());
                continue;
            } catch (IOException e) {
                return dropReason != null ? dropReason : describe(e);
            }
            if (message == null) {
                return "the server closed the connection";
            }
            // A delivered chat may carry the sender's seq, which means nothing to us.
            boolean chat = message instanceof Message.OneChat || message instanceof Message.GroupChat;
            if (chat || !pending.complete(message)) {
                events.delivered(message);
            }
        }
    }

    /** A new connection, or null once the link is closed. */
    private ServerConnection redial(Events events) {
        Duration delay = backoff.delay(1);
        for (int attempt = 1; !closed; attempt++) {
            try {
                retryNow.tryAcquire(delay.toMillis(), TimeUnit.MILLISECONDS);
                // Asking twice to retry now is asking once.
                retryNow.drainPermits();
                ServerConnection connection = dialer.dial();
                if (closed) {
                    connection.close();
                    return null;
                }
                return connection;
            } catch (IOException e) {
                delay = backoff.delay(attempt + 1);
                events.retrying(attempt, delay, describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
