package chat.server.handler;

import chat.core.ChatTime;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * When a chat was sent, by the server's clock, to the second. A time the client puts in its request is ignored:
 * a sender could otherwise backdate a chat, or send one the database cannot store.
 */
record SentTime(LocalDateTime value, String text) {

    /**
     * The time now, formatted once a second rather than for every chat (formatting was a few percent of a chat's
     * cost). Each handler keeps its own.
     */
    static final class Stamps {
        private final Clock clock;
        private volatile SentTime last = new SentTime(LocalDateTime.MIN, "");

        Stamps(Clock clock) {
            this.clock = clock;
        }

        SentTime now() {
            LocalDateTime now = LocalDateTime.now(clock).withNano(0);
            SentTime cached = last;
            if (!cached.value().equals(now)) {
                cached = new SentTime(now, ChatTime.format(now));
                last = cached;
            }
            return cached;
        }
    }
}
