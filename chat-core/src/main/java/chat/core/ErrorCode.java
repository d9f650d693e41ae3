package chat.core;

/**
 * The {@code errno} values of error replies. 1 and 2 mean what they meant in the original server's login and
 * register acks; the rest are ours.
 */
public enum ErrorCode {
    /** Login: unknown id or wrong password. Register: the name is taken. */
    REJECTED(1),
    /** Login: the account is already online somewhere in the cluster. */
    ALREADY_ONLINE(2),
    /** The frame is not a JSON object, or a field is missing, of the wrong type or out of bounds. */
    BAD_REQUEST(3),
    /** The msgid is not one the server handles. */
    UNKNOWN_TYPE(4),
    /** Only register, login and ping are allowed before login. */
    NOT_LOGGED_IN(5),
    /** The request acts for another user, or on a group the user is not a member of. */
    FORBIDDEN(6),
    /**
     * The user or group the request names does not exist, or the friendship or membership it would end does not.
     */
    NOT_FOUND(7),
    /** The request would duplicate something that exists: a friend, a membership, a group name. */
    CONFLICT(8),
    /** The frame is larger than the server accepts; the connection is closed after this reply. */
    TOO_LARGE(9),
    /** The server could not complete the request; try again later. */
    SERVER_ERROR(10),
    /**
     * A bound was reached. Too many attempts, or too many password checks waiting: wait as long as the message
     * says and try again. Or the connection kept the server waiting too long (no login, a request sent only in
     * part, silence where pings were promised): it is closed after this reply.
     */
    LIMIT_REACHED(11);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
