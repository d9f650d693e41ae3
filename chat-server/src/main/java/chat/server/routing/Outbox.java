package chat.server.routing;

/** Where messages for one connection go: its outbound queue. Offers never block. */
public interface Outbox {

    /** Queues a reply; one lost with its connection needs no keeping. False when closed or full. */
    boolean offer(byte[] line);

    /**
     * Queues a chat for {@code recipientId}, which must not be lost: if the connection closes before writing
     * it, it is stored offline for that recipient, whoever is logged in on the connection by then.
     *
     * @return false when the outbox is closed or full; the caller keeps the message
     */
    boolean deliver(int recipientId, byte[] line);
}
