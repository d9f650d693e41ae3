package chat.server.routing;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** Presence for a node that runs alone: online means logged in here, and nothing survives a restart. */
public final class LocalPresence implements Presence {
    private final Set<Integer> online = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public boolean claim(int userId) {
        return online.add(userId);
    }

    @Override
    public void release(int userId) {
        online.remove(userId);
    }

    @Override
    public Set<Integer> online(Collection<Integer> userIds) {
        return userIds.stream().filter(online::contains).collect(Collectors.toUnmodifiableSet());
    }
}
