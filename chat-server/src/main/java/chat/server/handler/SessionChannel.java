package chat.server.handler;

import chat.server.routing.Outbox;
import java.util.concurrent.CompletableFuture;

/** What a session needs of its connection: the outbox others deliver to, and a way to put a reply first. */
public interface SessionChannel extends Outbox {

    /** Queues {@code line} ahead of anything waiting; completes true once written and flushed. */
    CompletableFuture<Boolean> sendFirst(byte[] line);

    /** For logs: where the client connects from. */
    String remoteAddress();
}
