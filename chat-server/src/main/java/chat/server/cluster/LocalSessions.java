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

    /** True when the user is here and their outbox took the line. */
    boolean deliver(int userId, byte[] line) {
        Outbox outbox = byUser.get(userId);
        return outbox != null && outbox.deliver(userId, line);
    }

    /** Delivers here or, if the user is not here (any more), keeps the line in their mailbox. */
    void deliverOrKeep(int userId, byte[] line) {
        if (!deliver(userId, line)) {
            mailbox.keep(userId, line);
        }
    }

    /**
     * Hands each connected user what waits in their mailbox; returns how many messages went out. A database
     * failure ends the round (logged); what was not handed over waits for the next round or login.
     */
    int handWaitingToConnected() {
        int handed = 0;
        try {
            for (Map.Entry<Integer, Outbox> session : Map.copyOf(byUser).entrySet()) {
                handed += mailbox.handTo(session.getKey(), session.getValue());
            }
        } catch (RuntimeException e) {
            log.warn("handing kept messages to connected users failed after {}: {}", handed, e.toString());
        }
        return handed;
    }
}
