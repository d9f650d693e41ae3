package chat.client;

import chat.core.ChatCursor;
import chat.core.Message.Received;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tells the server how far the logged-in user's chats have reached this client, so that a sync without a
 * position (from another device, or after a restart) starts there: every so often when the position moved, and
 * at logout. Without a seq: nothing waits for an answer.
 */
final class PositionReporter implements AutoCloseable {
    private final Link link;
    private final Inbox inbox;
    private final LoginState login;
    private final Duration every;
    /** Keeps a periodic report from going out after the one at logout, and so after the logout itself. */
    private final ReentrantLock reporting = new ReentrantLock();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("chat-position").factory());

    PositionReporter(Link link, Inbox inbox, LoginState login, Duration every) {
        this.link = link;
        this.inbox = inbox;
        this.login = login;
        this.every = every;
    }

    void start() {
        thread.scheduleWithFixedDelay(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The last report of a user being logged out: call it once they are forgotten, before the server is told. */
    void last(int userId) {
        reporting.lock();
        try {
            report(inbox.of(userId));
        } finally {
            reporting.unlock();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    private void tick() {
        reporting.lock();
        try {
            login.me().ifPresent(me -> report(inbox.of(me.id())));
        } finally {
            reporting.unlock();
        }
    }

    private void report(ChatCursor cursor) {
        cursor.unreported().ifPresent(mid -> {
            if (link.send(new Received(null, mid))) {
                cursor.reported(mid);
            }
        });
    }
}
