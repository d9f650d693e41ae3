package chat.server.storage;

/** Where chat messages are kept for history: each gets its id first and is made durable soon after. */
public interface ChatStore {

    /**
     * Inserts {@code chat} and returns once it has its id, typically before it is durable: the caller may forward
     * it at once, and must answer the sender only when {@link StoredChat#committed()} completes.
     *
     * @throws RuntimeException when the message could not be inserted at all
     */
    StoredChat store(NewChat chat);
}
