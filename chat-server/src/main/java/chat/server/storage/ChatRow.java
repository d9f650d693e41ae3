package chat.server.storage;

import java.time.LocalDateTime;

/**
 * A stored chat message, joined with the sender's name. Exactly one of {@code recipientId} (one-to-one) and
 * {@code groupId} (group chat) is set.
 */
public record ChatRow(long id, int senderId, String senderName, Integer recipientId, Integer groupId, String body,
                      LocalDateTime sentAt) {
}
