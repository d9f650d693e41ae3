package chat.server.directory;

import chat.server.storage.UserDao;
import chat.server.storage.UserRef;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Looks users up by id or name, remembering each one found by id. Users are never renamed or deleted, so a
 * remembered entry never goes stale, and a chat to a known user costs no database read.
 */
public final class UserDirectory {
    private final UserDao users;
    private final ConcurrentMap<Integer, UserRef> known = new ConcurrentHashMap<>();

    public UserDirectory(UserDao users) {
        this.users = users;
    }

    public Optional<UserRef> find(int id) {
        UserRef cached = known.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<UserRef> found = users.findById(id).map(row -> new UserRef(row.id(), row.name()));
        found.ifPresent(user -> known.put(id, user));
        return found;
    }

    /** {@code name} in the form names are stored in (see {@code chat.core.Names}). */
    public Optional<UserRef> findByName(String name) {
        Optional<UserRef> found = users.findByName(name).map(row -> new UserRef(row.id(), row.name()));
        found.ifPresent(user -> known.putIfAbsent(user.id(), user));
        return found;
    }
}
