package chat.server.delivery;

import java.util.concurrent.CompletableFuture;

/**
 * The outgoing side of one client connection: a queue that never blocks the caller. Replies may be lost with
 * the connection; chats may not, so a chat handed over with {@link #deliver} that the connection cannot write
 * goes to the recipient's {@link Mailbox}.
 */
public interface Outbox {

    /** Queues a reply; one lost with its connection needs no keeping. False when closed or full. */
    boolean offer(byte[] line);

    /**
     * Queues a chat for {@code recipientId}, which must not be lost: if the connection closes before writing
     * it, it is kept for that recipient, whoever is logged in on the connection by then.
     *
     * @return false when the outbox is closed or full; the caller keeps the message
     */
    boolean deliver(int recipientId, byte[] line);

    /** Queues {@code line} ahead of anything waiting; completes true once written and flushed. */
    CompletableFuture<Boolean> sendFirst(byte[] line);

    /** For logs: where the client connects from. */
    String remoteAddress();
}
