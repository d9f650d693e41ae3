package chat.client;

import chat.core.Message;
import java.util.Optional;

/** Where a chat belongs: the one-to-one conversation with a user, or a group's. Friends and groups share ids. */
record Conversation(Command.Target target, int id) {
    static Conversation withUser(int userId) {
        return new Conversation(Command.Target.FRIEND, userId);
    }

    static Conversation inGroup(int groupId) {
        return new Conversation(Command.Target.GROUP, groupId);
    }

    /** The conversation a chat from someone else belongs to; empty for anything else. */
    static Optional<Conversation> of(Message chat) {
        return switch (chat) {
            case Message.OneChat one when one.id() != null -> Optional.of(withUser(one.id()));
            case Message.GroupChat group -> Optional.of(inGroup(group.groupid()));
            default -> Optional.empty();
        };
    }

    boolean isGroup() {
        return target == Command.Target.GROUP;
    }
}
