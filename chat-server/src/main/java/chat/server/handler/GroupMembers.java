package chat.server.handler;

import chat.server.routing.ClusterLink;
import chat.server.routing.GroupChangeListener;
import chat.server.storage.GroupDao;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who is in each group, remembered so that a group chat costs no database read to find its recipients. A
 * join here drops the group's list on every node (through the cluster link); while this node cannot hear the
 * other nodes' changes, lists are read from the database instead of trusted.
 */
public final class GroupMembers implements GroupChangeListener {
    private final GroupDao groups;
    private final ClusterLink cluster;
    private final ConcurrentMap<Integer, List<Integer>> known = new ConcurrentHashMap<>();
    // Bumped before every forget: a list read from the database while it moved may be stale and is not kept.
    private final AtomicLong generation = new AtomicLong();

    public GroupMembers(GroupDao groups, ClusterLink cluster) {
        this.groups = groups;
        this.cluster = cluster;
    }

    /** The ids of the group's members; empty when the group does not exist. */
    public List<Integer> of(int groupId) {
        if (!cluster.hearsGroupChanges()) {
            return groups.memberIds(groupId);
        }
        List<Integer> cached = known.get(groupId);
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        List<Integer> members = List.copyOf(groups.memberIds(groupId));
        if (!members.isEmpty()) {
            known.put(groupId, members);
            if (generation.get() != before) {
                known.remove(groupId, members);
            }
        }
        return members;
    }

    /** The group's membership changed on this node: forget it here and on every other node. */
    public void changed(int groupId) {
        groupChanged(groupId);
        cluster.announceGroupChange(groupId);
    }

    @Override
    public void groupChanged(int groupId) {
        generation.incrementAndGet();
        known.remove(groupId);
    }

    @Override
    public void allGroupsChanged() {
        generation.incrementAndGet();
        known.clear();
    }
}
