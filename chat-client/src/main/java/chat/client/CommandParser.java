package chat.client;

import chat.client.Command.AddFriend;
import chat.client.Command.Chat;
import chat.client.Command.CreateGroup;
import chat.client.Command.GroupChat;
import chat.client.Command.Help;
import chat.client.Command.History;
import chat.client.Command.Invalid;
import chat.client.Command.JoinGroup;
import chat.client.Command.Login;
import chat.client.Command.Nothing;
import chat.client.Command.Register;
import chat.client.Command.Target;
import chat.core.Limits;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads both syntaxes: {@code chat 23 hello} and the original client's {@code chat:23:hello}. A line whose
 * first word holds a colon is in the original form, where the message is everything after the second colon.
 * Never throws: a line that makes no sense becomes {@link Invalid}, carrying the syntax that would have worked.
 */
final class CommandParser {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String LIST_HINT = "type 'help' for the list of commands";

    Command parse(String line) {
        String text = line == null ? "" : line.strip();
        if (text.isEmpty()) {
            return new Nothing();
        }
        String head = SPACES.split(text, 2)[0];
        try {
            if (head.indexOf(':') >= 0) {
                return colonForm(text);
            }
            Verb verb = Verb.byWord(head).orElseThrow(() -> unknown(head));
            return spaceForm(verb, text.substring(head.length()).strip());
        } catch (BadInput e) {
            return new Invalid(e.getMessage(), e.usage);
        }
    }

    /** The line as it may be kept in the history file: without a password typed on it. */
    String redact(String line) {
        return switch (parse(line)) {
            case Login login when login.password() != null -> Verb.LOGIN.word() + " " + login.id();
            case Register register when register.password() != null -> Verb.REGISTER.word() + " " + register.name();
            default -> line;
        };
    }

    private Command spaceForm(Verb verb, String rest) {
        return switch (verb) {
            case REGISTER -> {
                String[] a = words(verb, rest, 1, 2);
                yield new Register(a[0], a.length > 1 ? a[1] : null);
            }
            case LOGIN -> {
                String[] a = words(verb, rest, 1, 2);
                yield new Login(id(verb, a[0]), a.length > 1 ? a[1] : null);
            }
            case CHAT -> {
                String[] a = idAndText(verb, rest);
                yield new Chat(id(verb, a[0]), a[1]);
            }
            case GROUPCHAT -> {
                String[] a = idAndText(verb, rest);
                yield new GroupChat(id(verb, a[0]), a[1]);
            }
            case ADDFRIEND -> new AddFriend(id(verb, words(verb, rest, 1, 1)[0]));
            case CREATEGROUP -> {
                String[] a = SPACES.split(rest, 2);
                if (a[0].isEmpty()) {
                    throw new BadInput("missing the group's name", verb.usage());
                }
                yield new CreateGroup(a[0], a.length > 1 ? a[1] : null);
            }
            case JOINGROUP -> new JoinGroup(id(verb, words(verb, rest, 1, 1)[0]));
            case FRIENDS -> noArguments(verb, rest, new Command.Friends());
            case GROUPS -> noArguments(verb, rest, new Command.Groups());
            case HISTORY -> history(rest);
            case MORE -> noArguments(verb, rest, new Command.More());
            case LOGOUT -> noArguments(verb, rest, new Command.Logout());
            case HELP -> rest.isEmpty() ? new Help(null)
                    : new Help(Verb.byWord(words(verb, rest, 1, 1)[0]).orElseThrow(() -> unknown(rest)));
            case QUIT -> noArguments(verb, rest, new Command.Quit());
        };
    }

    private Command colonForm(String text) {
        int colon = text.indexOf(':');
        String word = text.substring(0, colon).strip();
        String rest = text.substring(colon + 1);
        Verb verb = Verb.byWord(word).orElseThrow(() -> unknown(word));
        return switch (verb) {
            case CHAT -> {
                String[] p = colonIdAndText(verb, rest);
                yield new Chat(id(verb, p[0]), p[1]);
            }
            case GROUPCHAT -> {
                String[] p = colonIdAndText(verb, rest);
                yield new GroupChat(id(verb, p[0]), p[1]);
            }
            case ADDFRIEND -> new AddFriend(id(verb, rest.strip()));
            case JOINGROUP -> new JoinGroup(id(verb, rest.strip()));
            case CREATEGROUP -> {
                String[] p = rest.split(":", 2);
                if (p[0].isBlank()) {
                    throw new BadInput("missing the group's name", verb.usage());
                }
                yield new CreateGroup(p[0].strip(), p.length > 1 && !p[1].isBlank() ? p[1].strip() : null);
            }
            default -> throw new BadInput("'" + verb.word() + "' has no colon form", verb.usage());
        };
    }

    private Command history(String rest) {
        String[] a = words(Verb.HISTORY, rest, 2, 3);
        Target target = switch (a[0].toLowerCase(Locale.ROOT)) {
            case "friend", "f" -> Target.FRIEND;
            case "group", "g" -> Target.GROUP;
            default -> throw new BadInput("say 'friend' or 'group' before the id, not '" + a[0] + "'",
                    Verb.HISTORY.usage());
        };
        int id = id(Verb.HISTORY, a[1]);
        if (a.length < 3) {
            return new History(target, id, null);
        }
        return new History(target, id, count(a[2]));
    }

    private static int count(String text) {
        try {
            int count = Integer.parseInt(text);
            if (count >= 1 && count <= Limits.MAX_HISTORY_PAGE) {
                return count;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the syntax.
        }
        throw new BadInput("COUNT is how many messages to show: a number from 1 to " + Limits.MAX_HISTORY_PAGE
                + ", not '" + text + "'", Verb.HISTORY.usage());
    }

    /** Splits into between {@code min} and {@code max} words. */
    private static String[] words(Verb verb, String rest, int min, int max) {
        String[] a = rest.isEmpty() ? new String[0] : SPACES.split(rest, max + 1);
        if (a.length < min) {
            throw new BadInput("missing arguments", verb.usage());
        }
        if (a.length > max) {
            throw new BadInput("too many arguments", verb.usage());
        }
        return a;
    }

    private static String[] idAndText(Verb verb, String rest) {
        String[] a = rest.isEmpty() ? new String[0] : SPACES.split(rest, 2);
        if (a.length < 2) {
            throw new BadInput(a.length == 0 ? "missing the id and the message" : "missing the message",
                    verb.usage());
        }
        return a;
    }

    private static String[] colonIdAndText(Verb verb, String rest) {
        String[] p = rest.split(":", 2);
        if (p.length < 2 || p[1].isBlank()) {
            throw new BadInput("missing the message", verb.usage());
        }
        return new String[] {p[0].strip(), p[1]};
    }

    private static Command noArguments(Verb verb, String rest, Command command) {
        if (!rest.isEmpty()) {
            throw new BadInput("'" + verb.word() + "' takes no arguments", verb.usage());
        }
        return command;
    }

    /** Ids are positive whole numbers. */
    private static int id(Verb verb, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the syntax.
        }
        throw new BadInput("'" + text + "' is not a number like 23", verb.usage());
    }

    private static BadInput unknown(String word) {
        return new BadInput("unknown command '" + word + "'", LIST_HINT);
    }

    /** Carries a parse problem to {@link #parse}, which turns it into {@link Invalid}; never escapes. */
    private static final class BadInput extends RuntimeException {
        private final String usage;

        BadInput(String problem, String usage) {
            super(problem, null, false, false);
            this.usage = usage;
        }
    }
}
