package chat.server.testkit;

import chat.core.Codec;
import chat.core.ErrorCode;
import chat.core.Message;
import chat.core.Message.LoginAck;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Keeps a {@link SyncingClient}'s user logged in, as our client's reconnect and AccountActions.loginAgain do: the
 * password the first time, the resume token from then on; on a drop the same node first, and the next port
 * whenever one does not answer; "already online" (a dead node's presence lives on), "try later" and no answer at
 * all are tried again. Runs until closed, or until a login is refused for good.
 */
final class LoginLoop implements Runnable {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

    /** What the client does while logged in on a link: returns once it dropped. */
    interface Session {
        void run(SyncLink link) throws InterruptedException;
    }

    private final int userId;
    private final String password;
    private final List<Integer> ports;
    private final Codec codec = new Codec();
    private final SyncLink.Listener listener;
    private final Session session;
    private final Consumer<String> events;
    private final Executor readers;
    private final AtomicInteger logins = new AtomicInteger();
    private volatile SyncLink current;
    private volatile String token;
    private volatile boolean running = true;
    private volatile String failure;

    /** {@code readers} runs each link's reader. */
    LoginLoop(int userId, String password, List<Integer> ports, SyncLink.Listener listener, Session session,
              Consumer<String> events, Executor readers) {
        this.userId = userId;
        this.password = password;
        this.ports = List.copyOf(ports);
        this.listener = listener;
        this.session = session;
        this.events = events;
        this.readers = readers;
    }

    /** The link the user is logged in on, or null. */
    SyncLink current() {
        return current;
    }

    int logins() {
        return logins.get();
    }

    String failure() {
        return failure;
    }

    void stop() {
        running = false;
        SyncLink link = current;
        if (link != null) {
            link.close();
        }
    }

    @Override
    public void run() {
        int port = 0;
        while (running) {
            SyncLink link;
            try {
                link = SyncLink.open(ports.get(port), codec, listener, CONNECT_TIMEOUT, readers);
            } catch (IOException refused) {
                port = (port + 1) % ports.size();
                pause();
                continue;
            }
            try {
                if (logIn(link)) {
                    session.run(link);
                    events.accept("connection to " + link.port() + " dropped");
                } else {
                    pause();
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                current = null;
                link.close();
            }
        }
    }

    /** True when logged in; false to try again; gives up (see {@link #failure}) on a refusal for good. */
    private boolean logIn(SyncLink link) throws InterruptedException {
        String resume = token;
        Message answer;
        try {
            answer = link.request(seq -> new Message.Login(seq, userId, resume == null ? password : null, resume))
                    .get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
        int errno = switch (answer) {
            case LoginAck ack -> ack.errno();
            case Message.Error error -> error.errno();
            default -> ErrorCode.BAD_REQUEST.code();
        };
        if (errno == 0 && answer instanceof LoginAck ack) {
            if (ack.token() != null) {
                token = ack.token();
            }
            current = link;
            logins.incrementAndGet();
            events.accept("logged in on " + link.port() + (resume == null ? " with the password" : " with the token")
                    + ", cursor " + ack.cursor());
            return true;
        }
        if (errno != ErrorCode.ALREADY_ONLINE.code() && errno != ErrorCode.SERVER_ERROR.code()
                && errno != ErrorCode.LIMIT_REACHED.code()) {
            failure = "login refused: " + answer;
            running = false;
        }
        return false;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
