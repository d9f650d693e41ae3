package chat.server.transport;

import java.time.Duration;

/**
 * How long a connection may keep the server waiting. {@code login}: from connecting (or logging out) until a
 * login succeeds, whatever else it sends meanwhile. {@code frame}: from the first byte of a request to its last.
 * {@code silence}: between requests of a logged-in client that sent {@code seq} at login, which promises a ping
 * every 30 s; a logged-in client without {@code seq} (the original one, which never pings) may stay silent for
 * ever, and TCP keepalive finds it if it is gone.
 */
public record ConnectionTimeouts(Duration login, Duration frame, Duration silence) {
    /** Three missed pings of our client before it counts as gone. */
    public static final ConnectionTimeouts DEFAULTS = new ConnectionTimeouts(Duration.ofSeconds(60),
            Duration.ofSeconds(30), Duration.ofSeconds(90));

    public ConnectionTimeouts {
        for (Duration d : new Duration[] {login, frame, silence}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("connection timeouts must be positive: " + d);
            }
        }
    }
}
