package chat.client;

/** One parsed line of input. Fields the user left out are null. */
sealed interface Command {
    /** A blank line. */
    record Nothing() implements Command {
    }

    /** A line that could not be parsed: what was wrong, and the syntax that would have worked. */
    record Invalid(String problem, String usage) implements Command {
    }

    /** {@code topic} is null for the whole list. */
    record Help(Verb topic) implements Command {
    }

    record Quit() implements Command {
    }

    record Register(String name, String password) implements Command {
        Register withPassword(String secret) {
            return new Register(name, secret);
        }
    }

    record Login(int id, String password) implements Command {
        Login withPassword(String secret) {
            return new Login(id, secret);
        }
    }

    record Logout() implements Command {
    }

    /** A chat to send: what may wait in the {@link ChatQueue}. */
    sealed interface Outgoing extends Command {
        String text();
    }

    record Chat(int friendId, String text) implements Outgoing {
    }

    record GroupChat(int groupId, String text) implements Outgoing {
    }

    record AddFriend(int userId) implements Command {
    }

    record CreateGroup(String name, String description) implements Command {
    }

    record JoinGroup(int groupId) implements Command {
    }

    record Friends() implements Command {
    }

    record Groups() implements Command {
    }

    /** {@code count} is null for the default page size. */
    record History(Target target, int id, Integer count) implements Command {
    }

    record More() implements Command {
    }

    /**
     * {@code who} is an id or a name, looked up in the contact list when the command runs; {@code target} is
     * null when the user left it to be worked out.
     */
    record Open(Target target, String who) implements Command {
    }

    record Close() implements Command {
    }

    record Reconnect() implements Command {
    }

    /** A plain line typed while a conversation is open: a message for it. */
    record Say(String text) implements Command {
    }

    enum Target { FRIEND, GROUP }
}
