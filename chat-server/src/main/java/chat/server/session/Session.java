package chat.server.session;

import chat.core.Codec;
import chat.core.ErrorCode;
import chat.core.Message;
import chat.server.delivery.Outbox;
import chat.server.ops.Metrics;
import chat.server.storage.StoredChat;
import chat.server.storage.UserRef;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One connection's state as handlers see it: who is logged in on it, and how to answer. Requests of one
 * connection are handled one at a time on its own thread; {@code user} is volatile because other threads read
 * it for logging and cleanup. Only the {@link SessionRegistry} logs a session in or out.
 */
public final class Session {
    private final Outbox outbox;
    private final Codec codec;
    private final Metrics metrics;
    private volatile UserRef user;
    private volatile boolean syncs;

    /** {@code metrics} hears every reply: how logins went, and which requests were refused and why. */
    public Session(Outbox outbox, Codec codec, Metrics metrics) {
        this.outbox = outbox;
        this.codec = codec;
        this.metrics = metrics;
    }

    /** The client's address and port, e.g. {@code /203.0.113.7:51234}, for limits kept per address. */
    public String remoteAddress() {
        return outbox.remoteAddress();
    }

    public Optional<UserRef> user() {
        return Optional.ofNullable(user);
    }

    /** The logged-in user; the dispatcher lets only logged-in sessions reach handlers that call this. */
    public UserRef currentUser() {
        UserRef current = user;
        if (current == null) {
            throw new IllegalStateException("no user is logged in on this session");
        }
        return current;
    }

    void loggedIn(UserRef user, boolean syncs) {
        this.user = user;
        this.syncs = syncs;
    }

    /**
     * True when the logged-in client is one that sends {@code seq} (ours): it syncs its chats and says how far
     * it got, and it pings. The original client does neither.
     */
    public boolean syncs() {
        return syncs;
    }

    void loggedOut() {
        this.user = null;
    }

    Outbox outbox() {
        return outbox;
    }

    public void reply(Message message) {
        metrics.replied(message);
        outbox.offer(codec.encodeLine(message));
    }

    /**
     * Once {@code stored} is durable, sends {@code ack} if the request asked for one (it has a {@code seq}); if it
     * never becomes durable, says so, as any failed request does. May run on the thread that commits.
     */
    public void acknowledgeWhenCommitted(StoredChat stored, Message request, Message ack) {
        stored.committed().whenComplete((ignored, failure) -> {
            if (failure != null) {
                reply(new Message.Error(request.seq(), request.type().id(), ErrorCode.SERVER_ERROR.code(),
                        "the message was not stored; it may have been delivered, send it again if needed"));
            } else if (request.seq() != null) {
                reply(ack);
            }
        });
    }

    /**
     * Sends {@code message} ahead of anything queued and waits until it is on the wire.
     *
     * @return false when the connection closed first or the wait timed out
     */
    boolean replyFirstAndWait(Message message, Duration timeout) {
        metrics.replied(message);
        try {
            return outbox.sendFirst(codec.encodeLine(message)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        UserRef current = user;
        return current == null ? outbox.remoteAddress() : outbox.remoteAddress() + " user " + current.id();
    }
}
