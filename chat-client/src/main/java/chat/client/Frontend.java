package chat.client;

/** A way of talking to the user: a terminal with line editing, or plain streams for scripts. */
interface Frontend extends AutoCloseable {
    LineSource lines();

    Screen screen();

    /** True when a script, not a person, is typing: a failed command then counts against it (see {@link Verdict}). */
    boolean scripted();

    @Override
    void close();
}
