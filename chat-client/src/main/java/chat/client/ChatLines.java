package chat.client;

import chat.core.ChatCursor;
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

/**
 * Chats from others on their way to the screen, each once, live, synced or waiting since the last login: each is
 * rendered with group names from the contact cache, its sender's name is remembered, and it counts as unread in
 * its conversation unless that is the open one.
 */
final class ChatLines {
    private final Renderer renderer;
    private final ContactList contacts;
    private final People people;
    private final Conversations conversations;
    private final Codec codec;

    ChatLines(Renderer renderer, ContactList contacts, People people, Conversations conversations, Codec codec) {
        this.renderer = renderer;
        this.contacts = contacts;
        this.people = people;
        this.conversations = conversations;
        this.codec = codec;
    }

    /** The line for a chat, or empty when the message is not one. */
    Optional<AttributedString> of(Message message) {
        Conversation.of(message).ifPresent(conversations::arrived);
        return switch (message) {
            case OneChat chat -> {
                people.heard(chat.id(), chat.name());
                yield Optional.of(renderer.oneChat(chat));
            }
            case GroupChat chat -> {
                people.heard(chat.id(), chat.name());
                yield Optional.of(renderer.groupChat(chat, contacts.group(chat.groupid())));
            }
            default -> Optional.empty();
        };
    }

    /** A chat from a sync page, shown as it would have been shown live. */
    AttributedString of(HistoryEntry chat) {
        if (chat.groupid() != null) {
            return of(new GroupChat(null, chat.id(), chat.name(), chat.groupid(), chat.msg(), chat.time(), chat.mid()))
                    .orElseThrow();
        }
        // A one-to-one chat always names its recipient; 0 shows a server that broke that promise.
        int toid = chat.toid() != null ? chat.toid() : 0;
        return of(new OneChat(null, chat.id(), chat.name(), toid, chat.msg(), chat.time(), chat.mid())).orElseThrow();
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
