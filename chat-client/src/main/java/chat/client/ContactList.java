package chat.client;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The logged-in user's friends and groups as last heard from the server. Read by tab completion and for names
 * in output, so it is an immutable snapshot swapped whole: readers on any thread never see a half update, and
 * answers completing on different threads never lose each other's changes.
 */
final class ContactList {
    private record Snapshot(List<Friend> friends, List<Group> groups) {
    }

    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(List.of(), List.of()));

    List<Friend> friends() {
        return snapshot.get().friends();
    }

    List<Group> groups() {
        return snapshot.get().groups();
    }

    Optional<Friend> friend(int id) {
        return friends().stream().filter(f -> f.id() == id).findFirst();
    }

    Optional<Group> group(int id) {
        return groups().stream().filter(g -> g.id() == id).findFirst();
    }

    void replace(List<Friend> friends, List<Group> groups) {
        snapshot.set(new Snapshot(sortedFriends(friends), sortedGroups(groups)));
    }

    /** Adds or refreshes one friend. */
    void put(Friend friend) {
        snapshot.updateAndGet(s -> {
            List<Friend> friends = new ArrayList<>(s.friends());
            friends.removeIf(f -> f.id() == friend.id());
            friends.add(friend);
            return new Snapshot(sortedFriends(friends), s.groups());
        });
    }

    void put(Group group) {
        snapshot.updateAndGet(s -> {
            List<Group> groups = new ArrayList<>(s.groups());
            groups.removeIf(g -> g.id() == group.id());
            groups.add(group);
            return new Snapshot(s.friends(), sortedGroups(groups));
        });
    }

    void clear() {
        replace(List.of(), List.of());
    }

    private static List<Friend> sortedFriends(List<Friend> friends) {
        return friends.stream().sorted(Comparator.comparingInt(Friend::id)).toList();
    }

    private static List<Group> sortedGroups(List<Group> groups) {
        return groups.stream().sorted(Comparator.comparingInt(Group::id)).toList();
    }
}
