package chat.server.routing;

import java.util.Collection;
import java.util.Set;

/**
 * Who is online, across every node. A user holds at most one claim at a time: that is what refuses a second
 * login with errno 2. Claims must not outlive their node, so a crashed node never locks its users out.
 */
public interface Presence extends AutoCloseable {

    /** Atomically marks the user online; false when they already are, on this node or another. */
    boolean claim(int userId);

    /** Marks the user offline, if this node holds their claim. */
    void release(int userId);

    /** The subset of {@code userIds} that is online now. */
    Set<Integer> online(Collection<Integer> userIds);

    @Override
    default void close() {
    }
}
