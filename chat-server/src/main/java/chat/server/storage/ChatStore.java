package chat.server.storage;

/** Where chat messages are kept for history: each gets its id at once and is made durable soon after. */
public interface ChatStore {

    /**
     * Gives {@code chat} its id and queues it to be stored, without waiting for the database: the caller may
     * forward it at once, and must answer the sender only when {@link StoredChat#committed()} completes.
     *
     * @throws IllegalStateException when the store is closed
     */
    StoredChat store(NewChat chat);
}
