package chat.server.delivery;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The outgoing side of one client connection: a queue that never blocks the caller. Replies may be lost with
 * the connection; a chat may not, so the connection tells its {@link Receipts} which chats it wrote and which
 * it could not.
 */
public interface Outbox {

    /** Queues a reply; one lost with its connection needs no keeping. False when closed or full. */
    boolean offer(byte[] line);

    /**
     * Queues chat {@code mid} for {@code recipientId}; once written, or once it is clear it cannot be, the
     * connection's receipts hear of it, whoever is logged in on the connection by then.
     *
     * @return false when the outbox is closed or full; the caller must treat the chat as not delivered
     */
    boolean deliver(int recipientId, long mid, byte[] line);

    /**
     * {@link #deliver} for a chat on its way now, handed over by the cluster, rather than one read back from the
     * history: the time from its id to its write is the node's delivery latency.
     */
    boolean deliverLive(int recipientId, long mid, byte[] line);

    /** Queues {@code line} ahead of anything waiting; completes true once written and flushed. */
    CompletableFuture<Boolean> sendFirst(byte[] line);

    /**
     * Waits until no more than {@code bytes} wait unwritten, so a long catch-up is written at the pace the
     * client reads instead of piling up.
     *
     * @return false when the connection closed or {@code timeout} passed first
     */
    boolean awaitRoom(long bytes, Duration timeout) throws InterruptedException;

    /** For logs: where the client connects from. */
    String remoteAddress();
}
