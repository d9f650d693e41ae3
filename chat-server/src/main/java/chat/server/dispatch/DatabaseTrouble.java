package chat.server.dispatch;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests that failed because the database could not be reached. While it is down every request that needs it
 * fails, so the log gets one line when that starts and then one a period with how many failed since, instead of
 * a stack trace for each.
 */
final class DatabaseTrouble {
    private static final Logger log = LoggerFactory.getLogger(DatabaseTrouble.class);

    private final long periodNanos;
    private final AtomicLong nextLogNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong unlogged = new AtomicLong();

    DatabaseTrouble(Duration period) {
        this.periodNanos = period.toNanos();
    }

    void failed(RuntimeException e) {
        long failedSinceLast = unlogged.incrementAndGet();
        long next = nextLogNanos.get();
        long now = System.nanoTime();
        if (now - next >= 0 && nextLogNanos.compareAndSet(next, now + periodNanos)) {
            unlogged.addAndGet(-failedSinceLast);
            log.warn("the database cannot be reached; {} requests failed in the last {} s: {}", failedSinceLast,
                    Duration.ofNanos(periodNanos).toSeconds(), rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.toString();
    }
}
