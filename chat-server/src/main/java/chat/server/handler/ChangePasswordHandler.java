package chat.server.handler;

import chat.core.ErrorCode;
import chat.core.Message.ChangePassword;
import chat.core.Message.ChangePasswordAck;
import chat.core.ProtocolException;
import chat.server.auth.PasswordGate;
import chat.server.auth.ResumeTokens;
import chat.server.session.Session;
import chat.server.storage.UserDao;
import chat.server.storage.UserRef;
import chat.server.storage.UserRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the user's password once the current one checks out, through the password gate and its limits, and
 * ends every resume token the user had: whoever holds one (another device, someone who copied it) must log in
 * with the new password. The client that asked gets a fresh token in the ack, to keep reconnecting with.
 */
public final class ChangePasswordHandler implements Handler<ChangePassword> {
    private static final Logger log = LoggerFactory.getLogger(ChangePasswordHandler.class);

    private final UserDao users;
    private final PasswordGate passwords;
    private final ResumeTokens tokens;

    public ChangePasswordHandler(UserDao users, PasswordGate passwords, ResumeTokens tokens) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    @Override
    public void handle(Session session, ChangePassword request) throws ProtocolException {
        UserRef me = session.currentUser();
        if (request.newpassword().isEmpty()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "the new password must not be empty");
        }
        UserRow row = users.findById(me.id()).orElseThrow(() ->
                new IllegalStateException("user " + me.id() + " is logged in but not in the database"));
        String hash = passwords.change(session.remoteAddress(), me.id(), request.password(), row.password(),
                request.newpassword()).orElseThrow(() ->
                new ProtocolException(ErrorCode.REJECTED, "the current password is wrong"));
        users.updatePassword(me.id(), hash);
        tokens.revokeAll(me.id());
        log.info("user {} changed their password; their resume tokens are void", me.id());
        if (request.seq() != null) {
            session.reply(new ChangePasswordAck(request.seq(), tokens.issue(me.id())));
        }
    }
}
