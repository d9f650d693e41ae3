package chat.server.routing;

/**
 * Gets a message to a user wherever they are: their connection on this node, another node through the
 * cluster link, or offline storage. Deciding needs no database read: local sessions are in memory, and the
 * cluster link reports whether any node took the message.
 */
public final class MessageRouter {
    private final LocalSessions sessions;
    private final ClusterLink cluster;
    private final OfflineStore offline;

    public MessageRouter(LocalSessions sessions, ClusterLink cluster, OfflineStore offline) {
        this.sessions = sessions;
        this.cluster = cluster;
        this.offline = offline;
    }

    /** Sends a chat that must not be lost. */
    public void send(int userId, byte[] line) {
        if (deliverHere(userId, line)) {
            return;
        }
        if (!cluster.publish(userId, line)) {
            offline.store(userId, line);
        }
    }

    /** Delivers a chat that another node routed here; if the user has left meanwhile, it is stored. */
    public void deliverFromCluster(int userId, byte[] line) {
        if (!deliverHere(userId, line)) {
            offline.store(userId, line);
        }
    }

    private boolean deliverHere(int userId, byte[] line) {
        return sessions.find(userId).map(outbox -> outbox.deliver(userId, line)).orElse(false);
    }
}
