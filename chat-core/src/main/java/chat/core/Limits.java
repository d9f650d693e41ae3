package chat.core;

/** Bounds on what a peer may send; the codec refuses anything beyond them with {@link ErrorCode#BAD_REQUEST}. */
public final class Limits {
    /** Largest request, in bytes, the server accepts. */
    public static final int MAX_FRAME_BYTES = 64 * 1024;
    /**
     * Largest line, in bytes, a client should accept from the server: a login ack or contact list may run to a few
     * hundred KiB (the server bounds every answer well below this).
     */
    public static final int MAX_ANSWER_BYTES = 1024 * 1024;
    public static final int MAX_NAME_CHARS = 32;
    public static final int MAX_PASSWORD_CHARS = 128;
    public static final int MAX_GROUP_NAME_CHARS = 64;
    public static final int MAX_GROUP_DESC_CHARS = 200;
    public static final int MAX_MESSAGE_CHARS = 4000;
    public static final int MAX_TOKEN_CHARS = 64;
    public static final int MAX_HISTORY_PAGE = 200;
    public static final int DEFAULT_HISTORY_PAGE = 50;
    public static final int MAX_SYNC_PAGE = 200;
    public static final int DEFAULT_SYNC_PAGE = 100;

    private Limits() {
    }
}
