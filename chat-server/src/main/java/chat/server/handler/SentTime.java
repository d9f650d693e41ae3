package chat.server.handler;

import chat.core.ChatTime;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * When a chat was sent, by the server's clock, to the second. A time the client puts in its request is ignored:
 * a sender could otherwise backdate a chat, or send one the database cannot store.
 */
record SentTime(LocalDateTime value, String text) {

    static SentTime now(Clock clock) {
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        return new SentTime(now, ChatTime.format(now));
    }
}
