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

    /**
     * A user or a group as typed: by {@code id}, or by {@code name} (exactly one is set). An unquoted number is an
     * id, anything else a name, so a name made of digits is quoted: {@code login '2024'}.
     */
    record Someone(Integer id, String name) {
        static Someone byId(int id) {
            return new Someone(id, null);
        }

        static Someone byName(String name) {
            return new Someone(null, name);
        }
    }

    record Login(Someone user, String password) implements Command {
        Login(int id, String password) {
            this(Someone.byId(id), password);
        }

        Login withPassword(String secret) {
            return new Login(user, secret);
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

    record AddFriend(Someone user) implements Command {
        AddFriend(int userId) {
            this(Someone.byId(userId));
        }
    }

    /** Looks a user up by name. */
    record Find(String name) implements Command {
    }

    /** Ends a friendship; {@code friend} is looked up in the contact list when the command runs. */
    record Unfriend(Someone friend) implements Command {
    }

    /** {@code group} is looked up in the contact list when the command runs. */
    record Leave(Someone group) implements Command {
    }

    /** Both passwords are null when the user left them to be asked for. */
    record ChangePassword(String current, String replacement) implements Command {
        @Override
        public String toString() {
            return "ChangePassword[]";
        }
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
