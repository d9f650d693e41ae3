package chat.server.handler;

import chat.server.routing.LocalSessions;
import chat.server.routing.Outbox;
import chat.server.storage.OfflineMessageDao;
import chat.server.storage.OfflineRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands stored offline messages to their users who are connected to this node. While the link between nodes
 * is down, chats for users on other nodes are stored offline although those users are online; once the link is
 * back this delivers them at once instead of at the user's next login. A message is deleted once it is queued
 * on the connection; one the connection cannot write is stored offline again, like any undelivered chat.
 */
public final class OfflineRedelivery {
    private static final Logger log = LoggerFactory.getLogger(OfflineRedelivery.class);

    private final LocalSessions sessions;
    private final OfflineMessageDao offline;

    public OfflineRedelivery(LocalSessions sessions, OfflineMessageDao offline) {
        this.sessions = sessions;
        this.offline = offline;
    }

    public void deliverToConnectedUsers() {
        int delivered = 0;
        try {
            for (int userId : sessions.userIds()) {
                delivered += deliverTo(userId);
            }
        } catch (RuntimeException e) {
            log.warn("delivering stored messages to connected users failed after {}: {}", delivered, e.toString());
            return;
        }
        if (delivered > 0) {
            log.info("delivered {} messages stored while the link to the other nodes was down", delivered);
        }
    }

    private int deliverTo(int userId) {
        Optional<Outbox> outbox = sessions.find(userId);
        if (outbox.isEmpty()) {
            return 0;
        }
        List<OfflineRow> waiting = offline.forUser(userId);
        int delivered = 0;
        for (OfflineRow row : waiting) {
            if (!outbox.get().deliver(userId, (row.message() + "\n").getBytes(StandardCharsets.UTF_8))) {
                break;
            }
            delivered++;
        }
        if (delivered > 0) {
            offline.deleteUpTo(userId, waiting.get(delivered - 1).id());
        }
        return delivered;
    }
}
