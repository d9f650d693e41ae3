package chat.server.testkit;

import chat.core.ChatCursor;
import chat.core.Contacts.HistoryEntry;
import chat.core.Limits;
import chat.core.Message;
import chat.core.Message.Sync;
import chat.core.Message.SyncAck;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The syncs of a {@link SyncingClient}, one at a time, as our client's CatchUp and Syncer run them: from where the
 * {@link ChatCursor} says, page after page until the server says there are no more, each chat handed on.
 */
final class Syncer {
    /** Chats arrive slightly out of mid order, so a sync starts this far before the position. */
    static final long REWIND = ChatCursor.span(Duration.ofSeconds(10));

    private final ChatCursor position;
    private final Consumer<HistoryEntry> take;
    private final Duration timeout;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    Syncer(ChatCursor position, Consumer<HistoryEntry> take, Duration timeout) {
        this.position = position;
        this.take = take;
        this.timeout = timeout;
    }

    /** Where a sync started, and whether it read to the end. */
    record Run(Long after, boolean toTheEnd) {
    }

    /** Runs the sync {@link ChatCursor#beginSync} announced and ends it, however it goes. */
    Run run(SyncLink link) {
        oneAtATime.lock();
        Long after = null;
        boolean toTheEnd = false;
        try {
            after = position.syncFrom(REWIND);
            toTheEnd = pageToTheEnd(link, after);
        } finally {
            position.endSync(after, toTheEnd);
            oneAtATime.unlock();
        }
        return new Run(after, toTheEnd);
    }

    /** False when anything ends it early: a lost connection, no answer in time, an error. */
    private boolean pageToTheEnd(SyncLink link, Long after) {
        Long from = after;
        while (true) {
            Long pageAfter = from;
            if (!(ask(link, seq -> new Sync(seq, pageAfter, Limits.DEFAULT_SYNC_PAGE)) instanceof SyncAck page)) {
                return false;
            }
            page.messages().forEach(take);
            if (!page.more()) {
                return true;
            }
            List<HistoryEntry> chats = page.messages();
            // A page that ends where it was asked to start would only be asked for again, and again.
            if (chats.isEmpty() || (from != null && chats.getLast().mid() <= from)) {
                return false;
            }
            from = chats.getLast().mid();
        }
    }

    private Message ask(SyncLink link, IntFunction<Message> request) {
        try {
            return link.request(request).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
