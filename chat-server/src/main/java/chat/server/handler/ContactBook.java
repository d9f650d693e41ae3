package chat.server.handler;

import chat.core.Contacts;
import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.Member;
import chat.server.routing.Presence;
import chat.server.storage.FriendDao;
import chat.server.storage.GroupDao;
import chat.server.storage.GroupRow;
import chat.server.storage.MemberRow;
import chat.server.storage.UserRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds the friend and group lists users see, with online states from presence. */
public final class ContactBook {
    private final FriendDao friends;
    private final GroupDao groups;
    private final Presence presence;

    public ContactBook(FriendDao friends, GroupDao groups, Presence presence) {
        this.friends = friends;
        this.groups = groups;
        this.presence = presence;
    }

    public List<Friend> friendsOf(int userId) {
        List<UserRef> rows = friends.friendsOf(userId);
        Set<Integer> online = presence.online(rows.stream().map(UserRef::id).toList());
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
        return new Friend(user.id(), user.name(), state(presence.online(List.of(user.id())), user.id()));
    }

    /** The group with every member, their role and whether they are online. */
    public Group describe(GroupRow row) {
        List<MemberRow> members = groups.membersOf(row.id());
        Set<Integer> online = presence.online(members.stream().map(MemberRow::id).toList());
        List<Member> users = members.stream()
                .map(m -> new Member(m.id(), m.name(), state(online, m.id()), m.role()))
                .toList();
        return new Group(row.id(), row.groupname(), row.groupdesc() == null ? "" : row.groupdesc(), users);
    }

    private static String state(Set<Integer> online, int userId) {
        return online.contains(userId) ? Contacts.ONLINE : Contacts.OFFLINE;
    }
}
