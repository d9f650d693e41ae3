package chat.client;

import chat.core.ChatCursor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jline.utils.AttributedString;

/**
 * After every login, fetches what the user has not seen: at once, and once more a little later, because a chat
 * that raced the login may be stored only a moment after the first sync read (the server's stores settle within
 * 5 s). One sync runs at a time.
 */
final class CatchUp implements AutoCloseable {
    /** Chats arrive slightly out of mid order, so a sync starts this far before the position. */
    static final long REWIND = ChatCursor.span(Duration.ofSeconds(10));

    private final Syncer syncer;
    private final Inbox inbox;
    private final LoginState login;
    private final ChatLines chats;
    private final Screen screen;
    private final Duration followUpAfter;
    private final AtomicLong logins = new AtomicLong();
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("chat-sync-", 0).factory());

    CatchUp(Syncer syncer, Inbox inbox, LoginState login, ChatLines chats, Screen screen, Duration followUpAfter) {
        this.syncer = syncer;
        this.inbox = inbox;
        this.login = login;
        this.chats = chats;
        this.screen = screen;
        this.followUpAfter = followUpAfter;
    }

    /**
     * Called as a login is accepted, on the link's reader, so before any chat pushed after the login ack is read:
     * from here until the sync ends the cursor forgets nothing. Completes with the chats the user has not seen,
     * oldest first: those in the ack's {@code offlinemsg}, then those the sync finds. The follow-up shows its own.
     * {@code serverPosition} is the ack's {@code cursor}: the first sync starts no later than there.
     */
    CompletableFuture<List<AttributedString>> afterLogin(int userId, List<String> offlinemsg, Long serverPosition) {
        long thisLogin = logins.incrementAndGet();
        ChatCursor cursor = inbox.of(userId);
        cursor.beginSync(serverPosition);
        List<AttributedString> lines = new ArrayList<>(chats.waiting(offlinemsg, cursor));
        CompletableFuture<List<AttributedString>> shown = new CompletableFuture<>();
        try {
            threads.execute(() -> {
                try {
                    lines.addAll(sync(cursor));
                } finally {
                    shown.complete(lines);
                }
                followUp(thisLogin, userId);
            });
        } catch (RejectedExecutionException e) {
            // The client is closing.
            shown.complete(lines);
        }
        return shown;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    private void followUp(long thisLogin, int userId) {
        try {
            Thread.sleep(followUpAfter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        // A later login has a follow-up of its own.
        boolean sameLogin = logins.get() == thisLogin && login.me().map(me -> me.id() == userId).orElse(false);
        if (sameLogin) {
            ChatCursor cursor = inbox.of(userId);
            cursor.beginSync(null);
            sync(cursor).forEach(screen::show);
        }
    }

    /** Ends the sync {@link ChatCursor#beginSync} announced, however it goes. */
    private List<AttributedString> sync(ChatCursor cursor) {
        oneAtATime.lock();
        Long after = null;
        boolean readToEnd = false;
        try {
            after = cursor.syncFrom(REWIND);
            Syncer.Outcome outcome = syncer.run(cursor, after);
            readToEnd = outcome.readToEnd();
            return outcome.fresh().stream().map(chats::of).toList();
        } finally {
            cursor.endSync(after, readToEnd);
            oneAtATime.unlock();
        }
    }
}
