package chat.server.routing;

/** Keeps a message for a user who could not take it now; it goes out in their next login ack. */
@FunctionalInterface
public interface OfflineStore {

    /** {@code line} is the encoded message; a trailing newline is not part of what is stored. */
    void store(int userId, byte[] line);
}
