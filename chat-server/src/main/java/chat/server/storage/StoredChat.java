package chat.server.storage;

import java.util.concurrent.CompletableFuture;

/**
 * A chat message with its id, given before the message is stored. {@code committed} completes once the
 * message survives a crash, or fails if it could not be stored; the message may have been forwarded either way.
 */
public record StoredChat(long id, CompletableFuture<Void> committed) {
}
