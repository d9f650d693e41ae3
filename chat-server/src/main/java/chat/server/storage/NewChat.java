package chat.server.storage;

import java.time.LocalDateTime;

/** A chat message about to be stored; exactly one of {@code recipientId} and {@code groupId} is set. */
public record NewChat(int senderId, Integer recipientId, Integer groupId, String body, LocalDateTime sentAt) {
}
