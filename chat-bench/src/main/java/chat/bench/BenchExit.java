package chat.bench;

/** What {@code chat-bench} exits with. */
enum BenchExit {
    /** Every message arrived once, nothing errored. */
    OK(0),
    /** The run completed but something was lost, duplicated or refused. */
    FAILED(1),
    USAGE(2),
    /** Users could not be registered, logged in or grouped, so no load was offered. */
    SETUP(3);

    private final int code;

    BenchExit(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
