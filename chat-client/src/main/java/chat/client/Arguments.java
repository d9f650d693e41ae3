package chat.client;

import chat.client.Words.Word;
import chat.core.Limits;
import java.util.List;

/** The checks a command's arguments go through; each failure is a {@link BadInput} carrying the command's syntax. */
final class Arguments {
    /** A parse problem, turned into {@link Command.Invalid} by the parser; never escapes it. */
    static final class BadInput extends RuntimeException {
        private final String usage;

        BadInput(String problem, String usage) {
            super(problem, null, false, false);
            this.usage = usage;
        }

        String usage() {
            return usage;
        }
    }

    private Arguments() {
    }

    /** How many messages {@code history} shows. */
    static int historyCount(String text) {
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

    /** Checks there are between {@code min} and {@code max} words. */
    static List<Word> count(Verb verb, List<Word> words, int min, int max) {
        if (words.size() < min) {
            throw new BadInput("missing arguments", verb.usage());
        }
        if (words.size() > max) {
            throw new BadInput("too many arguments (quote a name that has spaces)", verb.usage());
        }
        return words;
    }

    static Word required(Verb verb, Word word) {
        if (word == null) {
            throw new BadInput("missing the id and the message", verb.usage());
        }
        return word;
    }

    /** The rest of the line as typed: quotes in a message are part of it. */
    static String message(Verb verb, Words words) {
        String text = words.rest();
        if (text.isEmpty()) {
            throw new BadInput("missing the message", verb.usage());
        }
        return text;
    }

    static String colonMessage(Verb verb, Words fields) {
        if (fields.atEnd()) {
            throw new BadInput("missing the message", verb.usage());
        }
        String text = fields.rest();
        if (text.isBlank()) {
            throw new BadInput("missing the message", verb.usage());
        }
        return text;
    }

    static Command noArguments(Verb verb, Words words, Command command) {
        if (!words.rest().isEmpty()) {
            throw new BadInput("'" + verb.word() + "' takes no arguments", verb.usage());
        }
        return command;
    }

    /** Ids are positive whole numbers. */
    static int id(Verb verb, Word word) {
        String text = word.text();
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the syntax.
        }
        boolean number = Words.NUMBER.matcher(text).matches();
        String what = number ? "an id: ids are numbers from 1 up," : "a number";
        // Chats take ids, the original client's way; a conversation opened by name is how to write by name.
        String byName = !number && (verb == Verb.CHAT || verb == Verb.GROUPCHAT) && !text.isBlank()
                ? "; to write by name: open " + Words.quote(text) + ", then type the message" : "";
        throw new BadInput("'" + text + "' is not " + what + " like 23" + byName, verb.usage());
    }

    /** An unquoted number is an id, anything else (a quoted number too) a name. */
    static Command.Someone someone(Verb verb, Word word) {
        if (!word.quoted() && Words.NUMBER.matcher(word.text()).matches()) {
            return Command.Someone.byId(id(verb, word));
        }
        if (word.text().isBlank()) {
            throw new BadInput("missing the name", verb.usage());
        }
        return Command.Someone.byName(word.text());
    }
}
