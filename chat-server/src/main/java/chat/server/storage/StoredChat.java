package chat.server.storage;

import java.util.concurrent.CompletableFuture;

/**
 * A chat message with its id. {@code committed} completes once the message survives a crash, or fails if its
 * transaction does not commit; the id is then void, though the message may already have been forwarded.
 */
public record StoredChat(long id, CompletableFuture<Void> committed) {
}
