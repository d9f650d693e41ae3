package chat.client;

/** What {@code chat-client} exits with; picocli itself exits 2 on bad arguments. */
enum ExitCode {
    OK(0),
    /** Something unexpected failed; the one-line reason is on stderr. */
    RUNTIME(1),
    /** The server could not be reached when the client started. */
    UNREACHABLE(3),
    /** Scripted mode: a command failed (see {@link Verdict}); the reason is on stderr. */
    COMMAND_FAILED(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
