package chat.client;

import static chat.client.Arguments.count;
import static chat.client.Arguments.historyCount;
import static chat.client.Arguments.id;
import static chat.client.Arguments.message;
import static chat.client.Arguments.noArguments;
import static chat.client.Arguments.required;
import static chat.client.Arguments.someone;

import chat.client.Arguments.BadInput;
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
import chat.client.Command.Open;
import chat.client.Command.Register;
import chat.client.Command.Say;
import chat.client.Command.Target;
import chat.client.Words.Word;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads both syntaxes: {@code chat 23 hello} and the original client's {@code chat:23:hello}. A line whose
 * command word ends in a colon is in the original form, where the message is everything after the second colon.
 * Arguments are split into {@link Words} like a shell's, so {@code creategroup "my group" 'for us'} works; a chat
 * message is kept as typed. Never throws: a line that makes no sense becomes {@link Invalid}, carrying the syntax
 * that would have worked.
 */
final class CommandParser {
    /** The command word: everything up to a space, the colon of the original form, or the end. */
    private static final Pattern VERB = Pattern.compile("[^\\p{javaWhitespace}:\"'\\\\]*");
    private static final String LIST_HINT = "type 'help' for the list of commands";

    Command parse(String line) {
        String text = line == null ? "" : line.strip();
        if (text.isEmpty()) {
            return new Nothing();
        }
        Matcher head = VERB.matcher(text);
        head.lookingAt();
        int end = head.end();
        try {
            if (end < text.length() && text.charAt(end) == ':') {
                return ColonForm.parse(known(head.group()), new Words(text, end + 1));
            }
            if (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                throw unknown(text.split("\\p{javaWhitespace}", 2)[0]);
            }
            return spaceForm(known(head.group()), new Words(text, end));
        } catch (BadInput e) {
            return new Invalid(e.getMessage(), e.usage());
        }
    }

    /**
     * A line as the REPL reads it. A line that starts with {@code /} is a command, without the slash. While a
     * conversation is open, a line that does not start with a command word is a message for it, and a {@code \}
     * in front sends one that does: {@code \more coffee?} says "more coffee?", {@code \/shrug} says "/shrug".
     */
    Command read(String line, boolean conversationOpen) {
        String text = line == null ? "" : line.strip();
        if (text.startsWith("/")) {
            return parse(text.substring(1));
        }
        if (!conversationOpen || startsWithCommand(text)) {
            return parse(text);
        }
        String message = text.startsWith("\\") ? text.substring(1) : text;
        return message.isBlank() ? new Nothing() : new Say(message);
    }

    private static boolean startsWithCommand(String text) {
        Matcher head = VERB.matcher(text);
        head.lookingAt();
        int end = head.end();
        boolean whole = end == text.length() || text.charAt(end) == ':' || Character.isWhitespace(text.charAt(end));
        return whole && Verb.byWord(head.group()).isPresent();
    }

    /**
     * The line as it may be kept in the history file: a login or register line keeps only its first argument, and
     * a passwd line none, so a password typed on it stays out even when the line was refused.
     */
    String redact(String line) {
        String text = line == null ? "" : line.strip();
        if (text.startsWith("/")) {
            return "/" + redact(text.substring(1));
        }
        Matcher head = VERB.matcher(text);
        head.lookingAt();
        Verb verb = Verb.byWord(head.group()).filter(v -> v == Verb.LOGIN || v == Verb.REGISTER || v == Verb.PASSWD)
                .orElse(null);
        if (verb == Verb.PASSWD) {
            return verb.word();
        }
        if (verb == null) {
            return line;
        }
        try {
            Word first = head.end() < text.length() && text.charAt(head.end()) == ':' ? null
                    : new Words(text, head.end()).next();
            return first == null ? verb.word() : verb.word() + " " + Words.quote(first.text());
        } catch (Words.Malformed e) {
            return verb.word();
        }
    }

    private Command spaceForm(Verb verb, Words words) {
        try {
            return switch (verb) {
                case REGISTER -> register(words.all());
                case LOGIN -> {
                    List<Word> a = count(verb, words.all(), 1, 2);
                    yield new Login(someone(verb, a.get(0)), a.size() > 1 ? a.get(1).text() : null);
                }
                case CHAT -> new Chat(id(verb, required(verb, words.next())), message(verb, words));
                case GROUPCHAT -> new GroupChat(id(verb, required(verb, words.next())), message(verb, words));
                case ADDFRIEND -> new AddFriend(someone(verb, count(verb, words.all(), 1, 1).get(0)));
                case UNFRIEND -> new Command.Unfriend(someone(verb, count(verb, words.all(), 1, 1).get(0)));
                case FIND -> find(count(verb, words.all(), 1, 1).get(0));
                case CREATEGROUP -> createGroup(words.all());
                case JOINGROUP -> new JoinGroup(id(verb, count(verb, words.all(), 1, 1).get(0)));
                case LEAVE -> new Command.Leave(someone(verb, count(verb, words.all(), 1, 1).get(0)));
                case FRIENDS -> noArguments(verb, words, new Command.Friends());
                case GROUPS -> noArguments(verb, words, new Command.Groups());
                case HISTORY -> history(count(verb, words.all(), 2, 3));
                case MORE -> noArguments(verb, words, new Command.More());
                case OPEN -> open(count(verb, words.all(), 1, 2));
                case CLOSE -> noArguments(verb, words, new Command.Close());
                case RECONNECT -> noArguments(verb, words, new Command.Reconnect());
                case PASSWD -> changePassword(words.all());
                case LOGOUT -> noArguments(verb, words, new Command.Logout());
                case HELP -> help(count(verb, words.all(), 0, 1));
                case QUIT -> noArguments(verb, words, new Command.Quit());
            };
        } catch (Words.Malformed e) {
            throw new BadInput(e.getMessage(), verb.usage());
        }
    }

    /**
     * Two unquoted words are refused: {@code register John Doe} may mean the name "John Doe" as well as the name
     * John with the password Doe, and guessing wrong makes an account its owner cannot log in to.
     */
    private static Command register(List<Word> a) {
        count(Verb.REGISTER, a, 1, 2);
        if (a.size() == 2 && !a.get(0).quoted() && !a.get(1).quoted()) {
            String both = a.get(0).text() + " " + a.get(1).text();
            throw new BadInput("a name with a space must be quoted, and so must a password given here",
                    "for the name '" + both + "': register " + Words.quote(both) + "\n"
                            + "for the name '" + a.get(0).text() + "' with that password: register "
                            + a.get(0).text() + " '" + a.get(1).text() + "'   (or leave the password out to be asked)");
        }
        return new Register(a.get(0).text(), a.size() > 1 ? a.get(1).text() : null);
    }

    private static Command find(Word name) {
        if (name.text().isBlank()) {
            throw new BadInput("missing the name", Verb.FIND.usage());
        }
        return new Command.Find(name.text());
    }

    /** Both passwords or neither: one alone could be either, and a wrong guess changes the password. */
    private static Command changePassword(List<Word> a) {
        return switch (a.size()) {
            case 0 -> new Command.ChangePassword(null, null);
            case 2 -> new Command.ChangePassword(a.get(0).text(), a.get(1).text());
            default -> throw new BadInput("give the current and the new password, or neither to be asked for them"
                    + " (quote a password that has spaces)", Verb.PASSWD.usage());
        };
    }

    private static Command createGroup(List<Word> a) {
        if (a.isEmpty()) {
            throw new BadInput("missing the group's name", Verb.CREATEGROUP.usage());
        }
        List<String> description = a.subList(1, a.size()).stream().map(Word::text).toList();
        return new CreateGroup(a.get(0).text(), description.isEmpty() ? null : String.join(" ", description));
    }

    private static Command help(List<Word> a) {
        if (a.isEmpty()) {
            return new Help(null);
        }
        String topic = a.get(0).text();
        return new Help(Verb.byWord(topic).orElseThrow(() -> unknown(topic)));
    }

    private static Command history(List<Word> a) {
        Target target = target(Verb.HISTORY, a.get(0));
        int id = id(Verb.HISTORY, a.get(1));
        return new History(target, id, a.size() < 3 ? null : historyCount(a.get(2).text()));
    }

    private static Command open(List<Word> a) {
        return a.size() == 1 ? new Open(null, a.get(0).text()) : new Open(target(Verb.OPEN, a.get(0)), a.get(1).text());
    }

    private static Target target(Verb verb, Word word) {
        return switch (word.text().toLowerCase(Locale.ROOT)) {
            case "friend", "f" -> Target.FRIEND;
            case "group", "g" -> Target.GROUP;
            default -> throw new BadInput("say 'friend' or 'group' before the id, not '" + word.text() + "'",
                    verb.usage());
        };
    }

    private static Verb known(String word) {
        return Verb.byWord(word).orElseThrow(() -> unknown(word));
    }

    private static BadInput unknown(String word) {
        return Spelling.closest(word, Verb.allWords()).flatMap(Verb::byWord)
                .map(verb -> new BadInput("unknown command '" + word + "'; did you mean '" + verb.word() + "'?",
                        verb.usage()))
                .orElseGet(() -> new BadInput("unknown command '" + word + "'", LIST_HINT));
    }
}
