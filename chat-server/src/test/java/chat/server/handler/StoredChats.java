package chat.server.handler;

import chat.server.storage.StoredChat;
import java.util.concurrent.CompletableFuture;

/** Stand-ins for what a {@code ChatStore} hands back. */
final class StoredChats {
    private StoredChats() {
    }

    static StoredChat committed(long id) {
        return new StoredChat(id, CompletableFuture.completedFuture(null));
    }
}
