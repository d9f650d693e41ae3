package chat.client;

import chat.core.Message;
import java.util.Optional;

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

    private volatile Me me;
    private volatile Credentials credentials;

    Optional<Me> me() {
        return Optional.ofNullable(me);
    }

    boolean loggedIn() {
        return me != null;
    }

    Optional<Credentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    void loggedIn(Me who, Credentials saved) {
        credentials = saved;
        me = who;
    }

    void loggedOut() {
        me = null;
        credentials = null;
    }
}
