package chat.server.cluster;

import chat.server.delivery.Mailbox;
import chat.server.delivery.Outbox;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users logged in on this node, each with the outbox of their connection and whether their client takes
 * events: this is where an event is delivered or dropped, whichever node sent it.
 */
final class LocalSessions {
    private static final Logger log = LoggerFactory.getLogger(LocalSessions.class);

    private record Local(Outbox outbox, boolean takesEvents) {
    }

    private final ConcurrentMap<Integer, Local> byUser = new ConcurrentHashMap<>();
    private final Mailbox mailbox;

    LocalSessions(Mailbox mailbox) {
        this.mailbox = mailbox;
    }

    /** False when the user already has a session on this node. */
    boolean add(int userId, Outbox outbox, boolean takesEvents) {
        return byUser.putIfAbsent(userId, new Local(outbox, takesEvents)) == null;
    }

    /** Removes the user only if {@code outbox} is still theirs; true when it was. */
    boolean remove(int userId, Outbox outbox) {
        Local local = byUser.get(userId);
        return local != null && local.outbox() == outbox && byUser.remove(userId, local);
    }

    boolean contains(int userId) {
        return byUser.containsKey(userId);
    }

    /** True when the user is here and their outbox took the chat, which is on its way now (see Outbox.deliverLive). */
    boolean deliver(int userId, long mid, byte[] line) {
        Local local = byUser.get(userId);
        return local != null && local.outbox().deliverLive(userId, mid, line);
    }

    /**
     * True when the user is logged in here, so no other node holds them: the event went to their connection if
     * their client takes events, and was dropped if it does not. An event is never reported missed.
     */
    boolean event(int userId, byte[] line) {
        Local local = byUser.get(userId);
        if (local == null) {
            return false;
        }
        if (local.takesEvents()) {
            local.outbox().offer(line);
        }
        return true;
    }

    /**
     * Delivers here or, if the user is not here (any more), tells their mailbox the chat missed them; true when
     * delivered.
     */
    boolean deliverOrMiss(int userId, long mid, byte[] line) {
        if (deliver(userId, mid, line)) {
            return true;
        }
        mailbox.missed(userId, mid, Mailbox.Miss.NOBODY_TOOK_IT);
        return false;
    }

    /**
     * Sends each connected user the chats other nodes gave ids since {@code sinceMillis}, which could not reach
     * this node while it could not hear them; returns how many went out. A database failure ends the round.
     */
    int resendFromOtherNodes(long sinceMillis, int thisNodeSlot) {
        int sent = 0;
        try {
            for (Map.Entry<Integer, Local> session : Map.copyOf(byUser).entrySet()) {
                sent += mailbox.resendFromOtherNodes(session.getKey(), session.getValue().outbox(), sinceMillis,
                        thisNodeSlot);
            }
        } catch (RuntimeException e) {
            log.warn("resending chats from other nodes to connected users failed after {}: {}", sent, e.toString());
        }
        return sent;
    }
}
