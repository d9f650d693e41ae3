package chat.server.routing;

/** How a node hands a message to whichever other node holds the recipient's connection. */
public interface ClusterLink extends AutoCloseable {

    /** A node that runs alone: nobody else can take a message. */
    ClusterLink NONE = (userId, line) -> false;

    /**
     * Offers one encoded line for a user connected elsewhere.
     *
     * @return true only when another node took it; false means the caller must store it offline
     */
    boolean publish(int userId, byte[] line);

    @Override
    default void close() {
    }
}
