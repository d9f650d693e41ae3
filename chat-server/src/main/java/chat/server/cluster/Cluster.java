package chat.server.cluster;

import chat.server.delivery.Mailbox;
import chat.server.delivery.Outbox;
import chat.server.ops.Metrics;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.Set;

/**
 * This node's part in getting messages to users wherever they are logged in. A node runs alone
 * ({@link #standalone}) or as one of several sharing a Redis ({@link #redis}); either way login, logout and a
 * dropped connection make exactly one call here each, and a chat is handed over with {@link #send} and is then
 * the cluster's to deliver, or to report to the recipient's {@link Mailbox} as missed. An event (a contact
 * changed) is handed over with {@link #sendEvent}, and reaches the user only if their client takes events.
 * Thread-safe.
 */
public interface Cluster extends AutoCloseable {

    /**
     * Claims the user for this node, cluster-wide, and routes their messages to {@code outbox} from now on;
     * their events too when {@code takesEvents} (the client understands them; the original client does not).
     *
     * @return false when the user is already logged in, on this node or another
     * @throws IllegalStateException when the cluster cannot tell right now (Redis does not answer)
     */
    boolean register(int userId, Outbox outbox, boolean takesEvents);

    /** Ends {@link #register}, if {@code outbox} is still the user's, so a stale close cannot end a new login. */
    void unregister(int userId, Outbox outbox);

    /**
     * Gets chat {@code mid} to the user: their connection here or on the node that holds them; if neither takes
     * it, their mailbox hears it missed them.
     */
    void send(int userId, long mid, byte[] line);

    /**
     * Gets an event to the user's connection, here or on the node that holds them, if their client takes events.
     * Events are live only: one that finds nobody is dropped, never reported missed, and the caller never waits
     * for another node.
     */
    void sendEvent(int userId, byte[] line);

    /** This node's slot in message ids (see {@code MessageIds}): 0 for a node alone, leased in a cluster. */
    int slot();

    /** The subset of {@code userIds} that is logged in anywhere now. */
    Set<Integer> online(Collection<Integer> userIds);

    /** A group's membership changed on this node; every node's view of it is now stale. */
    void announceGroupChange(int groupId);

    /**
     * Changes each time the group's membership may have changed anywhere, so a member list remembered with
     * one version is current while the version stays the same. Empty while this node may miss changes (the
     * link to the other nodes is down): then nothing remembered can be trusted.
     */
    OptionalLong membershipVersion(int groupId);

    /**
     * True while this node hears the other nodes (in a cluster, while its Redis subscription is up); always for a
     * node alone. While false, chats for users on other nodes are kept for them and logins are refused.
     */
    boolean linked();

    /** Releases every user this node still holds, then lets go of the other nodes. */
    @Override
    void close();

    /**
     * A node that runs alone: presence is who is logged in here, and nothing survives a restart. {@code metrics}
     * counts where each chat went.
     */
    static Cluster standalone(Mailbox mailbox, Metrics metrics) {
        return new StandaloneCluster(mailbox, metrics);
    }

    /**
     * Joins the cluster on {@code settings.redis()}: connects, checks the node id is free, subscribes and starts
     * the heartbeat, all before returning. Throws {@link IllegalStateException} when it cannot. {@code metrics}
     * counts where each chat went, and reads the state of the link to Redis.
     */
    static Cluster redis(ClusterSettings settings, Mailbox mailbox, Metrics metrics) {
        return RedisCluster.join(settings, mailbox, metrics);
    }
}
