package chat.server.handler;

import chat.core.Message.Logout;
import chat.core.Message.LogoutAck;
import chat.server.auth.ResumeTokens;
import chat.server.session.Session;
import chat.server.session.SessionRegistry;

/**
 * Logs the session's user out; the connection stays open for another login, as the original client expects.
 * An explicit logout also ends the user's resume tokens; a dropped connection keeps them, to come back with.
 */
public final class LogoutHandler implements Handler<Logout> {
    private final SessionRegistry sessions;
    private final ResumeTokens tokens;

    public LogoutHandler(SessionRegistry sessions, ResumeTokens tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Override
    public void handle(Session session, Logout logout) {
        session.user().ifPresent(user -> tokens.revokeAll(user.id()));
        sessions.close(session);
        if (logout.seq() != null) {
            session.reply(new LogoutAck(logout.seq()));
        }
    }
}
