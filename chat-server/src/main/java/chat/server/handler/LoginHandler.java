package chat.server.handler;

import chat.core.ErrorCode;
import chat.core.Message.Login;
import chat.core.Message.LoginAck;
import chat.server.routing.LocalSessions;
import chat.server.routing.Presence;
import chat.server.storage.OfflineMessageDao;
import chat.server.storage.OfflineRow;
import chat.server.storage.PasswordHasher;
import chat.server.storage.UserDao;
import chat.server.storage.UserRef;
import chat.server.storage.UserRow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Logs a user in: checks the password or resume token, claims presence (one session per user across the
 * cluster), registers the connection for delivery, then answers with friends, groups and the messages that
 * waited offline. Offline messages are deleted only once the ack that carries them has been written. Clients
 * that send {@code seq} get a resume token in the ack, to log back in without the password.
 */
public final class LoginHandler implements Handler<Login> {
    static final String INVALID = "id or password is invalid!";
    static final String IN_USE = "this account is using, input another!";
    private static final Duration ACK_WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final UserDao users;
    private final PasswordHasher hasher;
    private final ResumeTokens tokens;
    private final Presence presence;
    private final LocalSessions sessions;
    private final ContactBook contacts;
    private final OfflineMessageDao offline;

    public LoginHandler(UserDao users, PasswordHasher hasher, ResumeTokens tokens, Presence presence,
                        LocalSessions sessions, ContactBook contacts, OfflineMessageDao offline) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.presence = presence;
        this.sessions = sessions;
        this.contacts = contacts;
        this.offline = offline;
    }

    @Override
    public void handle(Session session, Login login) {
        if (session.user().isPresent()) {
            session.reply(LoginAck.failed(login.seq(), ErrorCode.ALREADY_ONLINE,
                    "already logged in on this connection; log out first"));
            return;
        }
        Optional<UserRow> row = users.findById(login.id());
        if (row.isEmpty() || !authentic(row.get(), login)) {
            session.reply(LoginAck.failed(login.seq(), ErrorCode.REJECTED, INVALID));
            return;
        }
        UserRef user = new UserRef(row.get().id(), row.get().name());
        if (!presence.claim(user.id())) {
            session.reply(LoginAck.failed(login.seq(), ErrorCode.ALREADY_ONLINE, IN_USE));
            return;
        }
        if (!sessions.add(user.id(), session.channel())) {
            presence.release(user.id());
            session.reply(LoginAck.failed(login.seq(), ErrorCode.ALREADY_ONLINE, IN_USE));
            return;
        }
        session.loggedIn(user);
        try {
            answer(session, login, user);
        } catch (RuntimeException e) {
            sessions.remove(user.id(), session.channel());
            presence.release(user.id());
            session.loggedOut();
            throw e;
        }
    }

    private boolean authentic(UserRow row, Login login) {
        return login.token() != null
                ? tokens.accepts(row.id(), login.token())
                : hasher.verify(login.password(), row.password());
    }

    private void answer(Session session, Login login, UserRef user) {
        // Registered before reading: a chat sent from now on goes live, one sent before is in this list.
        List<OfflineRow> waiting = offline.forUser(user.id());
        String token = login.seq() == null ? null
                : login.token() != null ? login.token() : tokens.issue(user.id());
        LoginAck ack = new LoginAck(login.seq(), 0, null, user.id(), user.name(), contacts.friendsOf(user.id()),
                contacts.groupsOf(user.id()), waiting.stream().map(OfflineRow::message).toList(), token);
        if (session.replyFirstAndWait(ack, ACK_WRITE_TIMEOUT) && !waiting.isEmpty()) {
            offline.deleteUpTo(user.id(), waiting.getLast().id());
        }
    }
}
