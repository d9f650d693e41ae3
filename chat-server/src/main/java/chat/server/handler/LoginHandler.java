package chat.server.handler;

import chat.core.ErrorCode;
import chat.core.Message.Login;
import chat.core.Message.LoginAck;
import chat.core.ProtocolException;
import chat.server.auth.PasswordGate;
import chat.server.auth.ResumeTokens;
import chat.server.directory.ContactBook;
import chat.server.session.Session;
import chat.server.session.SessionRegistry;
import chat.server.storage.UserDao;
import chat.server.storage.UserRef;
import chat.server.storage.UserRow;
import java.util.Optional;

/**
 * Logs a user in, named by id or by name: checks the password or resume token, then opens the session (one per
 * user across the cluster), answering with friends, groups and, for the original client, the chats that waited.
 * Clients that send {@code seq} sync their chats instead, and get a resume token in the ack, to log back in
 * without the password.
 */
public final class LoginHandler implements Handler<Login> {
    static final String INVALID = "id or password is invalid!";
    static final String IN_USE = "this account is using, input another!";

    private final UserDao users;
    private final PasswordGate passwords;
    private final ResumeTokens tokens;
    private final SessionRegistry sessions;
    private final ContactBook contacts;

    public LoginHandler(UserDao users, PasswordGate passwords, ResumeTokens tokens, SessionRegistry sessions,
                        ContactBook contacts) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.sessions = sessions;
        this.contacts = contacts;
    }

    @Override
    public void handle(Session session, Login login) {
        if (session.user().isPresent()) {
            session.reply(LoginAck.failed(login.seq(), ErrorCode.ALREADY_ONLINE,
                    "already logged in on this connection; log out first"));
            return;
        }
        Optional<UserRow> row = login.id() != null ? users.findById(login.id()) : users.findByName(login.name());
        try {
            if (row.isEmpty() || !authentic(session, row.get(), login)) {
                session.reply(LoginAck.failed(login.seq(), ErrorCode.REJECTED, INVALID));
                return;
            }
        } catch (ProtocolException limited) {
            session.reply(LoginAck.failed(login.seq(), limited.code(), limited.getMessage()));
            return;
        }
        UserRef user = new UserRef(row.get().id(), row.get().name());
        SessionRegistry.Opened opened = sessions.open(session, user, login.seq() != null, waiting -> {
            String token = login.seq() == null ? null
                    : login.token() != null ? login.token() : tokens.issue(user.id());
            ContactBook.FriendList friends = contacts.friendListOf(user.id());
            return new SessionRegistry.Greeting(new LoginAck(login.seq(), 0, null, user.id(), user.name(),
                    friends.shown(), contacts.groupsOf(user.id()), waiting.chats(), token, waiting.cursor()),
                    friends.allIds());
        });
        if (opened == SessionRegistry.Opened.ALREADY_ONLINE) {
            session.reply(LoginAck.failed(login.seq(), ErrorCode.ALREADY_ONLINE, IN_USE));
        }
    }

    private boolean authentic(Session session, UserRow row, Login login) throws ProtocolException {
        return login.token() != null
                ? tokens.accepts(row.id(), login.token())
                : passwords.verify(session.remoteAddress(), row.id(), login.password(), row.password());
    }
}
