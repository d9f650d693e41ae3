package chat.server.handler;

import chat.core.Message.Logout;
import chat.core.Message.LogoutAck;
import chat.server.routing.LocalSessions;
import chat.server.routing.Presence;

/**
 * Logs the session's user out; the connection stays open for another login, as the original client expects.
 * An explicit logout also ends the user's resume tokens; a dropped connection keeps them, to come back with.
 */
public final class LogoutHandler implements Handler<Logout> {
    private final LocalSessions sessions;
    private final Presence presence;
    private final ResumeTokens tokens;

    public LogoutHandler(LocalSessions sessions, Presence presence, ResumeTokens tokens) {
        this.sessions = sessions;
        this.presence = presence;
        this.tokens = tokens;
    }

    @Override
    public void handle(Session session, Logout logout) {
        session.user().ifPresent(user -> tokens.revokeAll(user.id()));
        end(session);
        if (logout.seq() != null) {
            session.reply(new LogoutAck(logout.seq()));
        }
    }

    /** Takes the user off this node and out of presence; also what a dropped connection gets. */
    public void end(Session session) {
        session.user().ifPresent(user -> {
            sessions.remove(user.id(), session.channel());
            presence.release(user.id());
            session.loggedOut();
        });
    }
}
