package chat.client;

/** A way of talking to the user: a terminal with line editing, or plain streams for scripts. */
interface Frontend extends AutoCloseable {
    LineSource lines();

    Screen screen();

    @Override
    void close();
}
