package chat.client;

import chat.core.ChatCursor;
import chat.core.Contacts.HistoryEntry;
import chat.core.Message;
import chat.core.Message.Sync;
import chat.core.Message.SyncAck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One sync: a user's chats after a position, oldest first, page after page until the server says there are no
 * more, each entered in the user's {@link ChatCursor}. It blocks, so it runs on a thread that may wait.
 */
final class Syncer {
    /** The chats not seen before, oldest first, and whether the server said there were no more. */
    record Outcome(List<HistoryEntry> fresh, boolean readToEnd) {
    }

    private final Link link;
    private final Duration timeout;
    private final int pageSize;

    Syncer(Link link, Duration timeout, int pageSize) {
        this.link = link;
        this.timeout = timeout;
        this.pageSize = pageSize;
    }

    /**
     * Pages from {@code after} (null: from the server's record). A page may repeat chats the client already has.
     * Whatever ends it early (a lost connection, no answer, a refusal) ends it without reading to the end.
     */
    Outcome run(ChatCursor cursor, Long after) {
        List<HistoryEntry> fresh = new ArrayList<>();
        Long from = after;
        while (true) {
            Optional<SyncAck> page = page(from);
            if (page.isEmpty()) {
                return new Outcome(fresh, false);
            }
            List<HistoryEntry> chats = page.get().messages();
            for (HistoryEntry chat : chats) {
                if (cursor.firstSeen(chat.mid())) {
                    fresh.add(chat);
                }
            }
            if (!page.get().more()) {
                return new Outcome(fresh, true);
            }
            // A page that ends where it was asked to start would only be asked for again, and again.
            if (chats.isEmpty() || (from != null && chats.getLast().mid() <= from)) {
                return new Outcome(fresh, false);
            }
            from = chats.getLast().mid();
        }
    }

    /** The page, or empty when there is none: a server that does not sync answers with an error. */
    private Optional<SyncAck> page(Long after) {
        try {
            Message answer = link.request(seq -> new Sync(seq, after, pageSize))
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .get();
            return answer instanceof SyncAck ack ? Optional.of(ack) : Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
