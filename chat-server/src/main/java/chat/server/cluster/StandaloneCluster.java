package chat.server.cluster;

import chat.server.delivery.Mailbox;
import chat.server.delivery.Outbox;
import chat.server.ops.Metrics;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/** A node that runs alone: online means logged in here, and a chat goes to a connection here or misses. */
final class StandaloneCluster implements Cluster {
    private final LocalSessions sessions;
    private final Metrics metrics;
    private final MembershipVersions versions = new MembershipVersions();

    StandaloneCluster(Mailbox mailbox, Metrics metrics) {
        this.sessions = new LocalSessions(mailbox);
        this.metrics = metrics;
    }

    @Override
    public boolean register(int userId, Outbox outbox, boolean takesEvents) {
        return sessions.add(userId, outbox, takesEvents);
    }

    @Override
    public void unregister(int userId, Outbox outbox) {
        sessions.remove(userId, outbox);
    }

    @Override
    public void send(int userId, long mid, byte[] line) {
        metrics.routed(sessions.deliverOrMiss(userId, mid, line) ? Metrics.Route.LOCAL : Metrics.Route.OFFLINE);
    }

    @Override
    public void sendEvent(int userId, byte[] line) {
        sessions.event(userId, line);
    }

    @Override
    public int slot() {
        return 0;
    }

    @Override
    public Set<Integer> online(Collection<Integer> userIds) {
        return userIds.stream().filter(sessions::contains).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void announceGroupChange(int groupId) {
        versions.changed(groupId);
    }

    @Override
    public OptionalLong membershipVersion(int groupId) {
        return OptionalLong.of(versions.of(groupId));
    }

    @Override
    public boolean linked() {
        return true;
    }

    @Override
    public void close() {
    }
}
