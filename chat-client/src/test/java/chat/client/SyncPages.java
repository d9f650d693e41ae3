package chat.client;

import chat.core.ChatCursor;
import chat.core.Contacts.HistoryEntry;
import chat.core.Message;
import java.time.Duration;
import java.util.Arrays;

/** What a scripted server answers to sync: pages of chats from bob (id 8) to alice (id 7), one per mid. */
final class SyncPages {
    static final long SECOND = ChatCursor.span(Duration.ofSeconds(1));
    /** A mid of early 2026, as a server stamps it. */
    static final long NOW = ChatCursor.span(Duration.ofDays(400));
    static final String TIME = "2026-02-04 10:00:00";

    private SyncPages() {
    }

    static Message.SyncAck page(Integer seq, boolean more, long... mids) {
        return new Message.SyncAck(seq, Arrays.stream(mids)
                .mapToObj(mid -> new HistoryEntry(mid, 8, "bob", 7, null, text(mid), TIME))
                .toList(), more);
    }

    /** The same chat as the server pushes it live. */
    static Message.OneChat live(long mid) {
        return new Message.OneChat(null, 8, "bob", 7, text(mid), TIME, mid);
    }

    /** How the client shows it. */
    static String line(long mid) {
        return TIME + " [8]bob said: " + text(mid);
    }

    private static String text(long mid) {
        return "chat " + (mid - NOW);
    }

    /** Link events for tests that watch only answers. */
    static final class Quiet implements Link.Events {
        @Override
        public void delivered(Message message) {
            // Not watched.
        }

        @Override
        public void unreadable(String why) {
            // Not watched.
        }

        @Override
        public void lost(String why) {
            // Not watched.
        }

        @Override
        public void retrying(int attempt, Duration delay, String why) {
            // Not watched.
        }

        @Override
        public void restored() {
            // Not watched.
        }
    }
}
