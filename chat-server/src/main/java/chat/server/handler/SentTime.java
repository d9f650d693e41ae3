package chat.server.handler;

import chat.core.ChatTime;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * When a chat was sent. The original client stamps its chats with its local time and shows the stamp it
 * receives, so a well-formed stamp is kept; the server's clock fills in a missing or malformed one.
 */
record SentTime(LocalDateTime value, String text) {

    static SentTime of(String claimed, Clock clock) {
        if (ChatTime.isValid(claimed)) {
            return new SentTime(LocalDateTime.parse(claimed, ChatTime.FORMAT), claimed);
        }
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        return new SentTime(now, ChatTime.format(now));
    }
}
