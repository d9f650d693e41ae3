package chat.server.directory;

import chat.server.cluster.Cluster;
import chat.server.storage.Departure;
import chat.server.storage.GroupDao;
import chat.server.storage.MessageIds;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Who is in each group, remembered so that a group chat costs no database read to find its recipients, and
 * the one way to join or leave a group, so no caller can change a membership and forget to tell the other nodes.
 * A list is remembered with the membership version the cluster gave before it was read, and trusted only while
 * that version holds.
 */
public final class GroupMembers {
    private record Known(List<Integer> members, long version) {
    }

    private final GroupDao groups;
    private final Cluster cluster;
    private final Clock clock;
    private final ConcurrentMap<Integer, Known> known = new ConcurrentHashMap<>();

    public GroupMembers(GroupDao groups, Cluster cluster, Clock clock) {
        this.groups = groups;
        this.cluster = cluster;
        this.clock = clock;
    }

    /** The ids of the group's members; empty when the group does not exist. */
    public List<Integer> of(int groupId) {
        OptionalLong version = cluster.membershipVersion(groupId);
        if (version.isEmpty()) {
            return groups.memberIds(groupId);
        }
        Known cached = known.get(groupId);
        if (cached != null && cached.version() == version.getAsLong()) {
            return cached.members();
        }
        List<Integer> members = List.copyOf(groups.memberIds(groupId));
        if (!members.isEmpty()) {
            known.put(groupId, new Known(members, version.getAsLong()));
        }
        return members;
    }

    /**
     * Adds a normal member, who receives the group's chats from now on, and tells every node; false when the user
     * already was one.
     */
    public boolean join(int groupId, int userId) {
        if (!groups.join(groupId, userId, MessageIds.positionAt(clock.millis()))) {
            return false;
        }
        cluster.announceGroupChange(groupId);
        return true;
    }

    /**
     * Takes the user out of the group, so they receive none of its chats from now on, and tells every node; empty
     * when they were not a member.
     */
    public Optional<Departure> leave(int groupId, int userId) {
        Optional<Departure> departure = groups.leave(groupId, userId);
        if (departure.isPresent()) {
            cluster.announceGroupChange(groupId);
        }
        return departure;
    }
}
