package chat.server.directory;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.Member;
import chat.core.Contacts;
import chat.server.cluster.Cluster;
import chat.server.storage.FriendDao;
import chat.server.storage.GroupDao;
import chat.server.storage.GroupRow;
import chat.server.storage.MemberRow;
import chat.server.storage.UserRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds the friend and group lists users see, with online states from the cluster. */
public final class ContactBook {
    private final FriendDao friends;
    private final GroupDao groups;
    private final Cluster cluster;

    public ContactBook(FriendDao friends, GroupDao groups, Cluster cluster) {
        this.friends = friends;
        this.groups = groups;
        this.cluster = cluster;
    }

    public List<Friend> friendsOf(int userId) {
        List<UserRef> rows = friends.friendsOf(userId);
        Set<Integer> online = cluster.online(rows.stream().map(UserRef::id).toList());
        return rows.stream().map(f -> new Friend(f.id(), f.name(), state(online, f.id()))).toList();
    }

    public List<Group> groupsOf(int userId) {
        List<Group> result = new ArrayList<>();
        for (GroupRow row : groups.groupsOf(userId)) {
            result.add(describe(row));
        }
        return result;
    }

    public Friend friend(UserRef user) {
        return new Friend(user.id(), user.name(), state(cluster.online(List.of(user.id())), user.id()));
    }

    /** The group with every member, their role and whether they are online. */
    public Group describe(GroupRow row) {
        List<MemberRow> members = groups.membersOf(row.id());
        Set<Integer> online = cluster.online(members.stream().map(MemberRow::id).toList());
        List<Member> users = members.stream()
                .map(m -> new Member(m.id(), m.name(), state(online, m.id()), m.role()))
                .toList();
        return new Group(row.id(), row.groupname(), row.groupdesc() == null ? "" : row.groupdesc(), users);
    }

    private static String state(Set<Integer> online, int userId) {
        return online.contains(userId) ? Contacts.ONLINE : Contacts.OFFLINE;
    }
}
