package chat.client;

import static chat.client.Arguments.colonMessage;
import static chat.client.Arguments.id;
import static chat.client.Arguments.someone;

import chat.client.Arguments.BadInput;
import chat.client.Command.AddFriend;
import chat.client.Command.Chat;
import chat.client.Command.CreateGroup;
import chat.client.Command.GroupChat;
import chat.client.Command.JoinGroup;
import chat.client.Words.Word;

/**
 * The original C++ client's syntax, {@code chat:23:hello}: fields separated by colons (one holding a colon is
 * quoted), the last one, a message or a description, taken as typed.
 */
final class ColonForm {
    private ColonForm() {
    }

    /** The command after {@code verb:}; {@code fields} reads what follows the colon. */
    static Command parse(Verb verb, Words fields) {
        try {
            return switch (verb) {
                case CHAT -> new Chat(id(verb, fields.field()), colonMessage(verb, fields));
                case GROUPCHAT -> new GroupChat(id(verb, fields.field()), colonMessage(verb, fields));
                case ADDFRIEND -> new AddFriend(someone(verb, fields.field()));
                case JOINGROUP -> new JoinGroup(id(verb, fields.field()));
                case CREATEGROUP -> {
                    Word name = fields.field();
                    if (name.text().isBlank()) {
                        throw new BadInput("missing the group's name", verb.usage());
                    }
                    String description = fields.rest().strip();
                    yield new CreateGroup(name.text(), description.isEmpty() ? null : description);
                }
                default -> throw new BadInput("'" + verb.word() + "' has no colon form", verb.usage());
            };
        } catch (Words.Malformed e) {
            throw new BadInput(e.getMessage(), verb.usage());
        }
    }
}
