package chat.core;

/** A request the server must refuse; carries what the error reply needs. */
public final class ProtocolException extends Exception {
    private final ErrorCode code;
    private final Integer requestType;
    private final Integer seq;

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public ProtocolException(ErrorCode code, String message, Integer requestType, Integer seq) {
        super(message, null, false, false);
        this.code = code;
        this.requestType = requestType;
        this.seq = seq;
    }

    public ErrorCode code() {
        return code;
    }

    /** The msgid of the refused request, when it could be read. */
    public Integer requestType() {
        return requestType;
    }

    /** The seq of the refused request, when it could be read. */
    public Integer seq() {
        return seq;
    }

    public Message.Error toReply() {
        return new Message.Error(seq, requestType, code.code(), getMessage());
    }
}
