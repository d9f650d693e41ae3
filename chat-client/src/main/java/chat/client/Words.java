package chat.client;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the arguments of a command line the way a shell splits words: {@code "double"} and {@code 'single'}
 * quotes keep spaces and colons in one word, and a backslash takes the next character as it is (inside double
 * quotes only before {@code "} or a backslash, as in sh). Free text that ends a line, such as a chat message, is
 * taken by {@link #rest()} exactly as typed, quotes included, so that {@code don't} needs no escaping.
 * Any Unicode space separates words, the ideographic space of Chinese input methods too.
 */
final class Words {
    /** One word as meant; {@code quoted} when any of it was quoted or escaped. */
    record Word(String text, boolean quoted) {
    }

    /** A quote left open or a backslash with nothing after it; the message is for the user. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private static final Pattern PLAIN = Pattern.compile("[^\\p{javaWhitespace}\"'\\\\:]+");
    /** What a command reads as an id (or a mistyped one) when it is not quoted. */
    static final Pattern NUMBER = Pattern.compile("-?\\d+");

    private final String line;
    private int position;

    /** Reads {@code line} from {@code start}. */
    Words(String line, int start) {
        this.line = line;
        this.position = start;
    }

    /** The next word, or null when only spaces are left. */
    Word next() {
        skipSpaces();
        return atEnd() ? null : read(false);
    }

    /**
     * The next colon-separated field of the original client's syntax, without the colon that ends it: spaces are
     * part of it (unquoted ones at either end are dropped), a colon in it must be quoted.
     */
    Word field() {
        skipSpaces();
        return read(true);
    }

    /** Every word left. */
    List<Word> all() {
        List<Word> words = new ArrayList<>();
        for (Word word = next(); word != null; word = next()) {
            words.add(word);
        }
        return words;
    }

    /** What is left of the line as typed, without the spaces before it. */
    String rest() {
        skipSpaces();
        return line.substring(position);
    }

    boolean atEnd() {
        return position >= line.length();
    }

    /** {@code text} as one word that this class reads back as {@code text}: quoted only when it must be. */
    static String quote(String text) {
        if (!text.isEmpty() && PLAIN.matcher(text).matches()) {
            return text;
        }
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A name as a word that reads back as that name, not as an id: a name made of digits is quoted too. */
    static String quoteName(String name) {
        return NUMBER.matcher(name).matches() ? '"' + name + '"' : quote(name);
    }

    private Word read(boolean toColon) {
        StringBuilder text = new StringBuilder();
        int kept = 0;
        boolean quoted = false;
        while (!atEnd()) {
            char c = line.charAt(position);
            if (toColon ? c == ':' : Character.isWhitespace(c)) {
                position++;
                break;
            }
            position++;
            if (c == '\'' || c == '"') {
                quoted(c, text);
            } else if (c == '\\') {
                text.append(escaped());
            } else {
                text.append(c);
                if (Character.isWhitespace(c)) {
                    continue;
                }
            }
            quoted |= c == '\'' || c == '"' || c == '\\';
            kept = text.length();
        }
        return new Word(text.substring(0, kept), quoted);
    }

    /** Everything up to the closing {@code quote}; a double quote lets a backslash escape {@code "} and itself. */
    private void quoted(char quote, StringBuilder text) {
        while (!atEnd()) {
            char c = line.charAt(position++);
            if (c == quote) {
                return;
            }
            if (quote == '"' && c == '\\' && !atEnd() && "\"\\".indexOf(line.charAt(position)) >= 0) {
                c = line.charAt(position++);
            }
            text.append(c);
        }
        throw new Malformed("the " + quote + " quote is not closed; put a \\ before a quote that is part of the text");
    }

    private char escaped() {
        if (atEnd()) {
            throw new Malformed("a \\ at the end of the line has nothing to escape");
        }
        return line.charAt(position++);
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(line.charAt(position))) {
            position++;
        }
    }
}
