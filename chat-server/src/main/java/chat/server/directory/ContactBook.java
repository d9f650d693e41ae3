package chat.server.directory;

import chat.core.Contacts;
import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.Member;
import chat.server.cluster.Cluster;
import chat.server.storage.FriendDao;
import chat.server.storage.GroupDao;
import chat.server.storage.GroupRow;
import chat.server.storage.MemberRow;
import chat.server.storage.UserRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds the friend and group lists users see, with online states from the cluster. A list is cut short where
 * it would make an answer too large to send: anyone can befriend anyone, so a user befriended by thousands
 * would otherwise be answered with megabytes, or not at all. The cut keeps the oldest entries (lowest ids).
 */
public final class ContactBook {
    /** What the friends of one answer may take, and the groups with their members, as JSON text at worst. */
    static final int FRIENDS_BUDGET = 64 * 1024;
    static final int GROUPS_BUDGET = 96 * 1024;
    /** What one group's member list may take of that. */
    static final int MEMBERS_BUDGET = 32 * 1024;

    private final FriendDao friends;
    private final GroupDao groups;
    private final Cluster cluster;

    public ContactBook(FriendDao friends, GroupDao groups, Cluster cluster) {
        this.friends = friends;
        this.groups = groups;
        this.cluster = cluster;
    }

    /**
     * A user's friends as an answer shows them, cut to fit, and the ids of all of them: whom to tell that the
     * user came online, without reading the friend rows a second time.
     */
    public record FriendList(List<Friend> shown, List<Integer> allIds) {
    }

    public List<Friend> friendsOf(int userId) {
        return friendListOf(userId).shown();
    }

    public FriendList friendListOf(int userId) {
        List<UserRef> all = friends.friendsOf(userId);
        List<UserRef> rows = new ArrayList<>();
        int used = 0;
        for (UserRef row : all) {
            used += cost(48, row.name());
            if (used > FRIENDS_BUDGET) {
                break;
            }
            rows.add(row);
        }
        Set<Integer> online = cluster.online(rows.stream().map(UserRef::id).toList());
        return new FriendList(rows.stream().map(f -> new Friend(f.id(), f.name(), state(online, f.id()))).toList(),
                all.stream().map(UserRef::id).toList());
    }

    public List<Group> groupsOf(int userId) {
        List<Group> result = new ArrayList<>();
        int used = 0;
        for (GroupRow row : groups.groupsOf(userId)) {
            Group group = describe(row);
            used += cost(64, group.groupname(), group.groupdesc())
                    + group.users().stream().mapToInt(m -> cost(64, m.name())).sum();
            if (used > GROUPS_BUDGET) {
                break;
            }
            result.add(group);
        }
        return result;
    }

    public Friend friend(UserRef user) {
        return new Friend(user.id(), user.name(), state(cluster.online(List.of(user.id())), user.id()));
    }

    /** The group with its members (as many as fit one group's share), their roles and online states. */
    public Group describe(GroupRow row) {
        List<MemberRow> members = new ArrayList<>();
        int used = 0;
        for (MemberRow member : groups.membersOf(row.id())) {
            used += cost(64, member.name());
            if (used > MEMBERS_BUDGET) {
                break;
            }
            members.add(member);
        }
        Set<Integer> online = cluster.online(members.stream().map(MemberRow::id).toList());
        List<Member> users = members.stream()
                .map(m -> new Member(m.id(), m.name(), state(online, m.id()), m.role()))
                .toList();
        return new Group(row.id(), row.groupname(), row.groupdesc() == null ? "" : row.groupdesc(), users);
    }

    /**
     * An entry's size as JSON text at worst: its fixed part, and each text twice over, since the login ack
     * writes entries as JSON strings inside JSON, escaping every quote and backslash.
     */
    private static int cost(int fixed, String... texts) {
        int cost = fixed;
        for (String text : texts) {
            cost += 2 * text.getBytes(StandardCharsets.UTF_8).length;
        }
        return cost;
    }

    private static String state(Set<Integer> online, int userId) {
        return online.contains(userId) ? Contacts.ONLINE : Contacts.OFFLINE;
    }
}
