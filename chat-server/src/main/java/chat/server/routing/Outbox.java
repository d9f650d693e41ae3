package chat.server.routing;

/** Where messages for one connected user go: the connection's outbound queue. */
public interface Outbox {

    /**
     * Queues one encoded line for the user. {@code durable} marks a chat that must not be lost: if the
     * connection closes before it is written, it is handed back to be stored offline.
     *
     * @return false when the outbox is closed or full; the caller keeps the message
     */
    boolean offer(byte[] line, boolean durable);
}
