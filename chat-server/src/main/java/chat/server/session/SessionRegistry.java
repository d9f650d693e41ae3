package chat.server.session;

import chat.core.Message;
import chat.server.cluster.Cluster;
import chat.server.delivery.Mailbox;
import chat.server.directory.ContactEvents;
import chat.server.storage.UserRef;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A session's life, in one place: {@link #open} at login, {@link #close} at logout or when the connection goes.
 * Opening claims the user cluster-wide and routes their chats to the session's connection (and their events, if
 * the client is one that syncs: only ours takes events), then, for a client that does not sync, hands over what
 * waited; closing undoes it. Either way the user's friends hear of it.
 */
public final class SessionRegistry {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    /** How a login went. */
    public enum Opened { OPENED, ALREADY_ONLINE }

    private final Cluster cluster;
    private final Mailbox mailbox;
    private final LongSupplier settledThrough;
    private final ContactEvents events;

    /**
     * {@code settledThrough}: the position up to which every chat is stored or has failed, so that a login can
     * tell when what raced it has all been stored (see {@link Mailbox#follow}).
     */
    public SessionRegistry(Cluster cluster, Mailbox mailbox, LongSupplier settledThrough, ContactEvents events) {
        this.cluster = cluster;
        this.mailbox = mailbox;
        this.settledThrough = settledThrough;
        this.events = events;
    }

    /**
     * What the login ack tells about the user's chats: for a client that syncs, where the server's record of
     * what reached it stands ({@code cursor}); for any other, the oldest chats that waited ({@code chats}).
     */
    public record Waiting(List<String> chats, Long cursor) {
    }

    /** The login ack, and the ids of all the user's friends: those online hear that the user came online. */
    public record Greeting(Message ack, List<Integer> friendIds) {
    }

    /**
     * Logs {@code user} in on {@code session} and answers with the {@code greeting}'s ack. A client that syncs gets
     * no chats in the ack (it asks for them), but the server's position. Any other gets in the ack the oldest chats
     * that waited for it, as many as fit, and the rest right after, as ordinary chats at the pace it reads them.
     * The ack goes ahead of any chat that raced it. Anything that fails after the claim undoes it.
     */
    public Opened open(Session session, UserRef user, boolean syncs, Function<Waiting, Greeting> greeting) {
        if (!cluster.register(user.id(), session.outbox(), syncs)) {
            return Opened.ALREADY_ONLINE;
        }
        session.loggedIn(user, syncs);
        try {
            if (syncs) {
                Greeting hello = greeting.apply(new Waiting(List.of(), mailbox.cursor(user.id())));
                session.replyFirstAndWait(hello.ack(), ACK_TIMEOUT);
                events.online(user, hello.friendIds());
                return Opened.OPENED;
            }
            Mailbox.Catchup catchup = mailbox.follow(user.id(), session.outbox(), settledThrough);
            Greeting hello = greeting.apply(new Waiting(catchup.forAck(Mailbox.ACK_CHATS_BUDGET), null));
            boolean written = session.replyFirstAndWait(hello.ack(), ACK_TIMEOUT);
            events.online(user, hello.friendIds());
            if (written) {
                catchup.ackWritten();
                catchup.sendRest();
            }
            return Opened.OPENED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Opened.OPENED;
        } catch (RuntimeException e) {
            close(session);
            throw e;
        }
    }

    /** Takes the session's user, if any, off this node and out of presence, and tells their friends. */
    public void close(Session session) {
        session.user().ifPresent(user -> {
            cluster.unregister(user.id(), session.outbox());
            if (!session.syncs()) {
                mailbox.unfollow(user.id(), session.outbox());
            }
            session.loggedOut();
            events.offline(user);
        });
    }
}
