package chat.client;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The REPL's commands: the words that name them, their syntax, and when they may be used. */
enum Verb {
    REGISTER("register", List.of(), "NAME [PASSWORD]", null, When.LOGGED_OUT,
            "create an account; prints its id (log in by name or id)"),
    LOGIN("login", List.of(), "NAME|ID [PASSWORD]", null, When.LOGGED_OUT,
            "log in by name or id; leave the password out to type it unseen"),
    CHAT("chat", List.of(), "FRIEND_ID MESSAGE", "chat:FRIEND_ID:MESSAGE", When.LOGGED_IN,
            "send a message to a friend (kept for them if they are offline)"),
    GROUPCHAT("groupchat", List.of("gchat"), "GROUP_ID MESSAGE", "groupchat:GROUP_ID:MESSAGE", When.LOGGED_IN,
            "send a message to every member of a group you belong to"),
    ADDFRIEND("addfriend", List.of(), "NAME|USER_ID", "addfriend:USER_ID", When.LOGGED_IN,
            "become friends with a user (both ways)"),
    UNFRIEND("unfriend", List.of(), "FRIEND", null, When.LOGGED_IN,
            "stop being friends with someone, by name or id (both ways)"),
    FIND("find", List.of(), "NAME", null, When.LOGGED_IN,
            "look a user up by name: their id and whether they are online"),
    CREATEGROUP("creategroup", List.of(), "NAME [DESCRIPTION]", "creategroup:NAME:DESCRIPTION", When.LOGGED_IN,
            "create a group with you as its creator"),
    JOINGROUP("joingroup", List.of("addgroup"), "GROUP_ID", "addgroup:GROUP_ID", When.LOGGED_IN,
            "join a group"),
    LEAVE("leave", List.of(), "GROUP", null, When.LOGGED_IN,
            "leave a group, by name or id: no more of its chats"),
    FRIENDS("friends", List.of(), "", null, When.LOGGED_IN,
            "list your friends and who is online"),
    GROUPS("groups", List.of(), "", null, When.LOGGED_IN,
            "list your groups with their members and roles"),
    HISTORY("history", List.of(), "friend|group ID [COUNT]", null, When.LOGGED_IN,
            "show the latest messages with a friend or in a group"),
    MORE("more", List.of(), "", null, When.LOGGED_IN,
            "page further back in the last history"),
    OPEN("open", List.of(), "[friend|group] ID|NAME", null, When.LOGGED_IN,
            "talk there: plain lines are sent to it until 'close'"),
    CLOSE("close", List.of(), "", null, When.LOGGED_IN,
            "leave the open conversation: plain lines are commands again"),
    PASSWD("passwd", List.of(), "[CURRENT NEW]", null, When.LOGGED_IN,
            "change your password; leave both out to type them unseen"),
    LOGOUT("logout", List.of("loginout"), "", "loginout", When.LOGGED_IN,
            "log out and return to the login prompt"),
    RECONNECT("reconnect", List.of(), "", null, When.ANY,
            "while disconnected, try the server again now instead of at the next retry"),
    HELP("help", List.of(), "[COMMAND]", null, When.ANY,
            "list the commands, or explain one"),
    QUIT("quit", List.of("exit"), "", null, When.ANY,
            "log out and leave");

    enum When { LOGGED_OUT, LOGGED_IN, ANY }

    private final String word;
    private final List<String> aliases;
    private final String arguments;
    private final String colonForm;
    private final When when;
    private final String summary;

    Verb(String word, List<String> aliases, String arguments, String colonForm, When when, String summary) {
        this.word = word;
        this.aliases = aliases;
        this.arguments = arguments;
        this.colonForm = colonForm;
        this.when = when;
        this.summary = summary;
    }

    static Optional<Verb> byWord(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (Verb verb : values()) {
            if (verb.word.equals(w) || verb.aliases.contains(w)) {
                return Optional.of(verb);
            }
        }
        return Optional.empty();
    }

    /** Every word that names a command, aliases included. */
    static List<String> allWords() {
        return Arrays.stream(values()).flatMap(v -> Stream.concat(Stream.of(v.word), v.aliases.stream())).toList();
    }

    String word() {
        return word;
    }

    List<String> aliases() {
        return aliases;
    }

    /** The space-separated form, e.g. {@code chat FRIEND_ID MESSAGE}. */
    String syntax() {
        return arguments.isEmpty() ? word : word + " " + arguments;
    }

    /** The original C++ client's form of this command, or null when it had none. */
    String colonForm() {
        return colonForm;
    }

    When when() {
        return when;
    }

    String summary() {
        return summary;
    }

    /** The line shown when the command was typed wrong. */
    String usage() {
        return "usage: " + syntax() + (colonForm == null ? "" : "   or   " + colonForm);
    }

    boolean allowed(boolean loggedIn) {
        return when == When.ANY || (when == When.LOGGED_IN) == loggedIn;
    }
}
