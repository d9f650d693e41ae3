package chat.client;

import org.jline.utils.AttributedString;

/** Where everything the user reads goes; safe to call from any thread. */
interface Screen {
    /** Shows one block of text (it may span lines) without disturbing a line being typed. */
    void show(AttributedString text);

    /**
     * Shows an error or a notice about the connection: the same place on a terminal, standard error for a
     * script, so that its standard output holds only what it asked for and the chats it got.
     */
    default void warn(AttributedString text) {
        show(text);
    }
}
