package chat.server.session;

import chat.core.Message;
import chat.server.cluster.Cluster;
import chat.server.delivery.Mailbox;
import chat.server.storage.UserRef;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * A session's life, in one place: {@link #open} at login, {@link #close} at logout or when the connection goes.
 * Opening claims the user cluster-wide and routes their chats to the session's connection, then hands over
 * what waited in their mailbox; closing undoes it.
 */
public final class SessionRegistry {
    private static final Duration HAND_OVER_TIMEOUT = Duration.ofSeconds(10);

    /** How a login went. */
    public enum Opened { OPENED, ALREADY_ONLINE }

    private final Cluster cluster;
    private final Mailbox mailbox;

    public SessionRegistry(Cluster cluster, Mailbox mailbox) {
        this.cluster = cluster;
        this.mailbox = mailbox;
    }

    /**
     * Logs {@code user} in on {@code session} and answers with {@code ack}, built from the messages that waited
     * for the user. The ack goes ahead of any chat that raced it, and the waiting messages leave the mailbox
     * only once the ack carrying them has been written. Anything that fails after the claim undoes it.
     */
    public Opened open(Session session, UserRef user, Function<List<String>, Message> ack) {
        if (!cluster.register(user.id(), session.outbox())) {
            return Opened.ALREADY_ONLINE;
        }
        session.loggedIn(user);
        try {
            Mailbox.Waiting waiting = mailbox.waiting(user.id());
            if (session.replyFirstAndWait(ack.apply(waiting.messages()), HAND_OVER_TIMEOUT)) {
                mailbox.handedOver(user.id(), waiting);
            }
            return Opened.OPENED;
        } catch (RuntimeException e) {
            close(session);
            throw e;
        }
    }

    /** Takes the session's user, if any, off this node and out of presence. */
    public void close(Session session) {
        session.user().ifPresent(user -> {
            cluster.unregister(user.id(), session.outbox());
            session.loggedOut();
        });
    }
}
