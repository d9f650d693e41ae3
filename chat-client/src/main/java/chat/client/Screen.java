package chat.client;

import org.jline.utils.AttributedString;

/** Where everything the user reads goes; safe to call from any thread. */
interface Screen {
    /** Shows one block of text (it may span lines) without disturbing a line being typed. */
    void show(AttributedString text);
}
