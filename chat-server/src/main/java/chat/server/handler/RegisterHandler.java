package chat.server.handler;

import chat.core.ErrorCode;
import chat.core.Message.Register;
import chat.core.Message.RegisterAck;
import chat.core.ProtocolException;
import chat.server.auth.PasswordGate;
import chat.server.session.Session;
import chat.server.storage.MessageIds;
import chat.server.storage.UserDao;
import java.time.Clock;
import org.jdbi.v3.core.JdbiException;

/** Creates an account. Failures still answer with a register ack, since the original client waits for one. */
public final class RegisterHandler implements Handler<Register> {
    private final UserDao users;
    private final PasswordGate passwords;
    private final Clock clock;

    public RegisterHandler(UserDao users, PasswordGate passwords, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public void handle(Session session, Register register) {
        if (register.password().isEmpty()) {
            session.reply(new RegisterAck(register.seq(), ErrorCode.BAD_REQUEST.code(),
                    "the password must not be empty", null));
            return;
        }
        if (users.findByName(register.name()).isPresent()) {
            session.reply(taken(register));
            return;
        }
        String hash;
        try {
            hash = passwords.hashNew(session.remoteAddress(), register.password());
        } catch (ProtocolException limited) {
            session.reply(new RegisterAck(register.seq(), limited.code().code(), limited.getMessage(), null));
            return;
        }
        int id;
        try {
            // A new user's chats count from now: nothing sent before can be waiting for them.
            id = users.create(register.name(), hash, MessageIds.positionAt(clock.millis()));
        } catch (JdbiException e) {
            // Someone registered the same name between the check and the insert.
            if (users.findByName(register.name()).isPresent()) {
                session.reply(taken(register));
                return;
            }
            throw e;
        }
        session.reply(new RegisterAck(register.seq(), 0, null, id));
    }

    private static RegisterAck taken(Register register) {
        return new RegisterAck(register.seq(), ErrorCode.REJECTED.code(),
                "the name '" + register.name() + "' is already taken", null);
    }
}
