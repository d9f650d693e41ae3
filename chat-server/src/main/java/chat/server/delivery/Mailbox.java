package chat.server.delivery;

import chat.server.storage.OfflineMessageDao;
import chat.server.storage.OfflineRow;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Chats for a user who cannot take them now: not logged in anywhere, just gone, or out of reach while the
 * nodes cannot talk to each other. Everything that would otherwise drop a chat hands it here, and a chat
 * leaves only once it has been handed to the user's connection.
 */
public final class Mailbox {

    /** What waits for a user, in the order it arrived; {@code lastId} marks how far a hand-over reached. */
    public record Waiting(List<String> messages, long lastId) {
        public boolean isEmpty() {
            return messages.isEmpty();
        }
    }

    private final OfflineMessageDao offline;

    public Mailbox(OfflineMessageDao offline) {
        this.offline = offline;
    }

    /** Keeps an encoded chat line (its trailing newline is not kept) for the user's next login. */
    public void keep(int userId, byte[] line) {
        int length = line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length;
        offline.insert(userId, new String(line, 0, length, StandardCharsets.UTF_8));
    }

    /** What waits for the user now; it stays until {@link #handedOver} says it went out. */
    public Waiting waiting(int userId) {
        List<OfflineRow> rows = offline.forUser(userId);
        return new Waiting(rows.stream().map(OfflineRow::message).toList(),
                rows.isEmpty() ? 0 : rows.getLast().id());
    }

    /** The messages of {@code waiting} reached the user; anything kept since stays. */
    public void handedOver(int userId, Waiting waiting) {
        if (!waiting.isEmpty()) {
            offline.deleteUpTo(userId, waiting.lastId());
        }
    }

    /**
     * Hands what waits for a user who is connected after all, in order, to their outbox. What the outbox takes
     * leaves the mailbox (a line it later cannot write comes back, like any undelivered chat); the rest stays.
     *
     * @return how many messages were handed over
     */
    public int handTo(int userId, Outbox outbox) {
        List<OfflineRow> rows = offline.forUser(userId);
        int handed = 0;
        for (OfflineRow row : rows) {
            if (!outbox.deliver(userId, (row.message() + "\n").getBytes(StandardCharsets.UTF_8))) {
                break;
            }
            handed++;
        }
        if (handed > 0) {
            offline.deleteUpTo(userId, rows.get(handed - 1).id());
        }
        return handed;
    }
}
