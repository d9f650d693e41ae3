package chat.server.routing;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The users logged in on this node, each with the outbox of their connection. */
public final class LocalSessions {
    private final ConcurrentMap<Integer, Outbox> byUser = new ConcurrentHashMap<>();

    /** False when the user already has a session on this node. */
    public boolean add(int userId, Outbox outbox) {
        return byUser.putIfAbsent(userId, outbox) == null;
    }

    /** Removes the user only if {@code outbox} is still theirs, so a stale close cannot evict a new login. */
    public void remove(int userId, Outbox outbox) {
        byUser.remove(userId, outbox);
    }

    public Optional<Outbox> find(int userId) {
        return Optional.ofNullable(byUser.get(userId));
    }

    public boolean contains(int userId) {
        return byUser.containsKey(userId);
    }

    /** A snapshot of the users logged in here. */
    public Set<Integer> userIds() {
        return Set.copyOf(byUser.keySet());
    }

    public int size() {
        return byUser.size();
    }
}
