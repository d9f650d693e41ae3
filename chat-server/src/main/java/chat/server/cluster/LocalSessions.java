package chat.server.cluster;

import chat.server.delivery.Mailbox;
import chat.server.delivery.Outbox;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The users logged in on this node, each with the outbox of their connection. */
final class LocalSessions {
    private static final Logger log = LoggerFactory.getLogger(LocalSessions.class);

    private final ConcurrentMap<Integer, Outbox> byUser = new ConcurrentHashMap<>();
    private final Mailbox mailbox;

    LocalSessions(Mailbox mailbox) {
        this.mailbox = mailbox;
    }

    /** False when the user already has a session on this node. */
    boolean add(int userId, Outbox outbox) {
        return byUser.putIfAbsent(userId, outbox) == null;
    }

    /** Removes the user only if {@code outbox} is still theirs; true when it was. */
    boolean remove(int userId, Outbox outbox) {
        return byUser.remove(userId, outbox);
    }

    boolean contains(int userId) {
        return byUser.containsKey(userId);
    }

    /** True when the user is here and their outbox took the chat. */
    boolean deliver(int userId, long mid, byte[] line) {
        Outbox outbox = byUser.get(userId);
        return outbox != null && outbox.deliver(userId, mid, line);
    }

    /** Delivers here or, if the user is not here (any more), tells their mailbox the chat missed them. */
    void deliverOrMiss(int userId, long mid, byte[] line) {
        if (!deliver(userId, mid, line)) {
            mailbox.missed(userId, mid, Mailbox.Miss.NOBODY_TOOK_IT);
        }
    }

    /**
     * Sends each connected user the chats other nodes gave ids since {@code sinceMillis}, which could not reach
     * this node while it could not hear them; returns how many went out. A database failure ends the round.
     */
    int resendFromOtherNodes(long sinceMillis, int thisNodeSlot) {
        int sent = 0;
        try {
            for (Map.Entry<Integer, Outbox> session : Map.copyOf(byUser).entrySet()) {
                sent += mailbox.resendFromOtherNodes(session.getKey(), session.getValue(), sinceMillis, thisNodeSlot);
            }
        } catch (RuntimeException e) {
            log.warn("resending chats from other nodes to connected users failed after {}: {}", sent, e.toString());
        }
        return sent;
    }
}
