package chat.client;

import chat.core.Contacts;
import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.Member;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

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

    void removeFriend(int id) {
        snapshot.updateAndGet(s -> new Snapshot(s.friends().stream().filter(f -> f.id() != id).toList(), s.groups()));
    }

    void removeGroup(int id) {
        snapshot.updateAndGet(s -> new Snapshot(s.friends(), s.groups().stream().filter(g -> g.id() != id).toList()));
    }

    /** Adds or refreshes a member of a group in the list; a group not in it is left alone. */
    void putMember(int groupId, Member member) {
        members(groupId, users -> {
            List<Member> changed = new ArrayList<>(users);
            changed.removeIf(m -> m.id() == member.id());
            changed.add(member);
            return changed;
        });
    }

    /** Takes a user out of a group; {@code newCreator}, when not null, is the member who is its creator now. */
    void removeMember(int groupId, int userId, Integer newCreator) {
        members(groupId, users -> users.stream()
                .filter(m -> m.id() != userId)
                .map(m -> newCreator != null && m.id() == newCreator
                        ? new Member(m.id(), m.name(), m.state(), Contacts.CREATOR) : m)
                .toList());
    }

    /** A user came online or went offline: as a friend, and as a member of every group in the list. */
    void setState(int userId, String state) {
        snapshot.updateAndGet(s -> new Snapshot(
                s.friends().stream().map(f -> f.id() == userId ? new Friend(f.id(), f.name(), state) : f).toList(),
                s.groups().stream().map(g -> withMembers(g, g.users().stream()
                        .map(m -> m.id() == userId ? new Member(m.id(), m.name(), state, m.role()) : m)
                        .toList())).toList()));
    }

    void clear() {
        replace(List.of(), List.of());
    }

    private void members(int groupId, UnaryOperator<List<Member>> change) {
        snapshot.updateAndGet(s -> new Snapshot(s.friends(), s.groups().stream()
                .map(g -> g.id() == groupId ? withMembers(g, change.apply(g.users())) : g).toList()));
    }

    private static Group withMembers(Group group, List<Member> users) {
        return new Group(group.id(), group.groupname(), group.groupdesc(), users);
    }

    private static List<Friend> sortedFriends(List<Friend> friends) {
        return friends.stream().sorted(Comparator.comparingInt(Friend::id)).toList();
    }

    private static List<Group> sortedGroups(List<Group> groups) {
        return groups.stream().sorted(Comparator.comparingInt(Group::id)).toList();
    }
}
