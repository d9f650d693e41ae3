package chat.client;

import chat.core.Codec;
import chat.core.Contacts.HistoryEntry;
import chat.core.Message;
import chat.core.Message.GroupChat;
import chat.core.Message.OneChat;
import chat.core.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.utils.AttributedString;

/** Renders chats from others, live or waiting since the last login, with group names from the contact cache. */
final class ChatLines {
    private final Renderer renderer;
    private final ContactList contacts;
    private final Codec codec;

    ChatLines(Renderer renderer, ContactList contacts, Codec codec) {
        this.renderer = renderer;
        this.contacts = contacts;
        this.codec = codec;
    }

    /** The line for a chat, or empty when the message is not one. */
    Optional<AttributedString> of(Message message) {
        return switch (message) {
            case OneChat chat -> Optional.of(renderer.oneChat(chat));
            case GroupChat chat -> Optional.of(renderer.groupChat(chat, contacts.group(chat.groupid())));
            default -> Optional.empty();
        };
    }

    /** A chat from a sync page, shown as it would have been shown live. */
    AttributedString of(HistoryEntry chat) {
        if (chat.groupid() != null) {
            return renderer.groupChat(new GroupChat(null, chat.id(), chat.name(), chat.groupid(), chat.msg(),
                    chat.time(), chat.mid()), contacts.group(chat.groupid()));
        }
        // A one-to-one chat always names its recipient; 0 shows a server that broke that promise.
        int toid = chat.toid() != null ? chat.toid() : 0;
        return renderer.oneChat(new OneChat(null, chat.id(), chat.name(), toid, chat.msg(), chat.time(), chat.mid()));
    }

    /**
     * The chats a login ack carries (each the JSON text of a chat) that {@code cursor} has not seen; one that
     * cannot be read is shown as such, not dropped.
     */
    List<AttributedString> waiting(List<String> texts, ChatCursor cursor) {
        List<AttributedString> lines = new ArrayList<>();
        for (String text : texts) {
            try {
                Message message = codec.decode(text);
                if (cursor.firstSeen(message)) {
                    lines.add(of(message).orElseGet(() -> renderer.error("not a chat: " + text)));
                }
            } catch (ProtocolException e) {
                lines.add(renderer.error("unreadable offline message (" + e.getMessage() + "): " + text));
            }
        }
        return lines;
    }
}
