package chat.client;

import chat.core.Message;
import chat.core.Message.GroupChat;
import chat.core.Message.OneChat;
import java.util.Optional;
import org.jline.utils.AttributedString;

/** Renders chats from others, live or waiting since the last login, with group names from the contact cache. */
final class ChatLines {
    private final Renderer renderer;
    private final ContactList contacts;

    ChatLines(Renderer renderer, ContactList contacts) {
        this.renderer = renderer;
        this.contacts = contacts;
    }

    /** The line for a chat, or empty when the message is not one. */
    Optional<AttributedString> of(Message message) {
        return switch (message) {
            case OneChat chat -> Optional.of(renderer.oneChat(chat));
            case GroupChat chat -> Optional.of(renderer.groupChat(chat, contacts.group(chat.groupid())));
            default -> Optional.empty();
        };
    }
}
