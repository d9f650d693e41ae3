package chat.server.delivery;

import chat.core.ChatTime;
import chat.core.Contacts.HistoryEntry;
import chat.core.Message;
import chat.server.storage.ChatRow;

/** A stored chat as a client receives it: the delivered message, or an entry of a history or sync page. */
public final class StoredChats {
    private StoredChats() {
    }

    /** Exactly what the recipient got when it was sent: a one-to-one or group chat with the server's fields. */
    public static Message delivered(ChatRow row) {
        String time = ChatTime.format(row.sentAt());
        return row.groupId() == null
                ? new Message.OneChat(null, row.senderId(), row.senderName(), row.recipientId(), row.body(), time,
                        row.id())
                : new Message.GroupChat(null, row.senderId(), row.senderName(), row.groupId(), row.body(), time,
                        row.id());
    }

    public static HistoryEntry entry(ChatRow row) {
        return new HistoryEntry(row.id(), row.senderId(), row.senderName(), row.recipientId(), row.groupId(),
                row.body(), ChatTime.format(row.sentAt()));
    }
}
