package chat.client;

import chat.core.Message;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Who is logged in, and what logs them back in after a dropped connection without asking: the server's resume
 * token when it gave one, else the password. Kept in memory only, only for that, and forgotten on logout.
 */
final class LoginState {
    record Me(int id, String name) {
    }

    /** Exactly one of {@code password} and {@code token} is set. */
    record Credentials(int id, String password, String token) {
        static Credentials of(int id, String password, String token) {
            return token != null ? new Credentials(id, null, token) : new Credentials(id, password, null);
        }

        Message.Login login(int seq) {
            return new Message.Login(seq, id, password, token);
        }

        @Override
        public String toString() {
            return "Credentials[id=" + id + "]";
        }
    }

    /** Both together, so a token renewed as the user logs out cannot outlive the logout. */
    private record Session(Me me, Credentials credentials) {
    }

    private final AtomicReference<Session> session = new AtomicReference<>();

    Optional<Me> me() {
        return Optional.ofNullable(session.get()).map(Session::me);
    }

    boolean loggedIn() {
        return session.get() != null;
    }

    Optional<Credentials> credentials() {
        return Optional.ofNullable(session.get()).map(Session::credentials);
    }

    void loggedIn(Me who, Credentials saved) {
        session.set(new Session(who, saved));
    }

    /** The password changed: the server ended every older token and gave this one for logging back in. */
    void tokenRenewed(String token) {
        session.updateAndGet(s -> s == null ? null : new Session(s.me(), Credentials.of(s.me().id(), null, token)));
    }

    void loggedOut() {
        session.set(null);
    }
}
