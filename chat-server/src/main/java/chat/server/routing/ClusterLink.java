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

    /** Tells the other nodes that a group's membership changed, so they drop their cached member list. */
    default void announceGroupChange(int groupId) {
    }

    /**
     * True while this node hears the other nodes' group changes, so a cached member list can be trusted. A node
     * that runs alone hears every change there is.
     */
    default boolean hearsGroupChanges() {
        return true;
    }

    @Override
    default void close() {
    }
}
