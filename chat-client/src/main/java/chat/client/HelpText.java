package chat.client;

import java.util.Arrays;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** {@code help}: every command with its syntax, grouped by when it can be used. */
final class HelpText {
    private static final int SYNTAX_COLUMNS = 34;
    private static final String NOTES = """
            Quote a name that has spaces as in a shell: register "John Doe", creategroup "my group" 'for us';
            a message is sent as typed, quotes and all. Where a name or an id will do, a number is an id:
            quote a name made of digits (login '2024').
            After 'open', plain lines are messages there; a line starting with a command word or / is a command,
            and a \\ in front sends one that is not (\\more coffee?).
            The original client's forms work too: chat:ID:MESSAGE, addfriend:ID, creategroup:NAME:DESC,
            addgroup:ID, groupchat:ID:MESSAGE, loginout. Tab completes commands, friend/group ids and names.
            Lines such as "[8]bob is online" or "[9]carol joined group [3]devs" tell of changes among your
            contacts as they happen.""";

    AttributedString all() {
        AttributedStringBuilder out = new AttributedStringBuilder();
        section(out, "Before login:", Verb.When.LOGGED_OUT);
        section(out, "After login:", Verb.When.LOGGED_IN);
        section(out, "Any time:", Verb.When.ANY);
        out.append(NOTES);
        return out.toAttributedString();
    }

    AttributedString one(Verb verb) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        out.styled(Styles.NAME, verb.syntax()).append('\n').append("  " + verb.summary());
        if (verb.colonForm() != null) {
            out.append("\n  also: " + verb.colonForm());
        }
        if (!verb.aliases().isEmpty()) {
            out.append("\n  aliases: " + String.join(", ", verb.aliases()));
        }
        return out.toAttributedString();
    }

    private static void section(AttributedStringBuilder out, String title, Verb.When when) {
        out.styled(Styles.HEADING, title).append('\n');
        List<Verb> verbs = Arrays.stream(Verb.values()).filter(v -> v.when() == when).toList();
        for (Verb verb : verbs) {
            out.append("  ");
            Styles.padTo(out, new AttributedString(verb.syntax()), SYNTAX_COLUMNS);
            out.append(verb.summary()).append('\n');
        }
    }
}
