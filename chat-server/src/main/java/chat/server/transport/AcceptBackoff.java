package chat.server.transport;

import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long the accept loop waits after a failed accept: 10 ms, doubling to 1 s, back to 10 ms after a success.
 * A failing accept returns at once (out of descriptors, the connection stays in the backlog), so retrying
 * without a pause spins a core and floods the log.
 *
 * <p>Failures come in episodes, logged once each: a WARN at the first failure, an INFO with the count at the
 * first success two seconds or more after the last failure. Near the limit, accepts alternate with failures as
 * connections come and go; that is one episode, not one per failure. Used by the accept thread only.
 */
final class AcceptBackoff {
    private static final Logger log = LoggerFactory.getLogger(AcceptBackoff.class);
    static final Duration FIRST = Duration.ofMillis(10);
    static final Duration LONGEST = Duration.ofSeconds(1);
    /** How long accepts must go without failing before an episode is over: longer than the longest wait. */
    static final Duration QUIET = LONGEST.multipliedBy(2);

    private Duration next = FIRST;
    private long failures;
    private long firstFailureNanos;
    private long lastFailureNanos;

    /** Records a failed accept and returns how long to wait before the next one. */
    Duration failed(IOException e) {
        lastFailureNanos = System.nanoTime();
        if (failures++ == 0) {
            firstFailureNanos = lastFailureNanos;
            log.warn("accept failed: {}; retrying with backoff up to {} ms, logged again when accepts work",
                    e.toString(), LONGEST.toMillis());
        }
        Duration wait = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(LONGEST) > 0 ? LONGEST : doubled;
        return wait;
    }

    /** Records a successful accept, which ends an episode of failures once they have stopped for a while. */
    void succeeded() {
        next = FIRST;
        long now = System.nanoTime();
        if (failures == 0 || now - lastFailureNanos < QUIET.toNanos()) {
            return;
        }
        log.info("accepting again after {} failed accepts over {} ms", failures,
                Duration.ofNanos(lastFailureNanos - firstFailureNanos).toMillis());
        failures = 0;
    }
}
