package chat.server.cluster;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Versions of group memberships as this node has heard of changes: one counter per group that changed, and an
 * epoch that moves when changes may have gone unheard, which outdates every group at once.
 */
final class MembershipVersions {
    private final ConcurrentMap<Integer, Long> changes = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();

    void changed(int groupId) {
        changes.merge(groupId, 1L, Long::sum);
    }

    void allChanged() {
        epoch.incrementAndGet();
    }

    /** Unique per (epoch, change count) while a group changes fewer than 2^32 times per epoch. */
    long of(int groupId) {
        return (epoch.get() << 32) + changes.getOrDefault(groupId, 0L);
    }
}
