package chat.client;

import chat.core.Contacts;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** The few styles output uses; a plain frontend prints the same text without them. */
final class Styles {
    static final AttributedStyle NAME = AttributedStyle.BOLD;
    static final AttributedStyle TIME = AttributedStyle.DEFAULT.faint();
    static final AttributedStyle ONLINE = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle OFFLINE = AttributedStyle.DEFAULT.faint();
    static final AttributedStyle GROUP = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    static final AttributedStyle NOTICE = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle HEADING = AttributedStyle.BOLD.underline();

    private Styles() {
    }

    /** {@code [23]zhang san}: the original client's way of naming a user, the name emphasised. */
    static void who(AttributedStringBuilder out, int id, String name) {
        out.append("[" + id + "]");
        if (name != null && !name.isEmpty()) {
            out.styled(NAME, name);
        }
    }

    static void state(AttributedStringBuilder out, String state) {
        out.styled(Contacts.ONLINE.equals(state) ? ONLINE : OFFLINE, state);
    }

    /** Pads to a width in terminal columns, so Chinese names (two columns a character) line up too. */
    static void padTo(AttributedStringBuilder out, AttributedString text, int columns) {
        out.append(text);
        for (int i = text.columnLength(); i < columns; i++) {
            out.append(' ');
        }
    }
}
