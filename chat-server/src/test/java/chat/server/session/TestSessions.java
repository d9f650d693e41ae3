package chat.server.session;

import chat.core.Codec;
import chat.server.delivery.Outbox;
import chat.server.ops.Metrics;
import chat.server.storage.UserRef;

/** Sessions in a given state, for tests outside this package that cannot call the package-private setters. */
public final class TestSessions {
    private TestSessions() {
    }

    /** A session of the original client (no seq), logged in as {@code user}. */
    public static Session loggedIn(Outbox outbox, Codec codec, UserRef user) {
        Session session = new Session(outbox, codec, Metrics.off());
        session.loggedIn(user, false);
        return session;
    }

    /** Logs {@code user} in on an existing session, as a successful login of the original client would. */
    public static void logIn(Session session, UserRef user) {
        session.loggedIn(user, false);
    }

    /** Logs {@code user} in as a successful login would, of our client when {@code syncs}. */
    public static void logIn(Session session, UserRef user, boolean syncs) {
        session.loggedIn(user, syncs);
    }
}
