package chat.server.transport;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the listeners stop their threads: let them finish within the shutdown grace, then interrupt them. */
final class Shutdown {
    private static final Logger log = LoggerFactory.getLogger(Shutdown.class);

    private Shutdown() {
    }

    static void stop(ExecutorService threads, String what, Duration grace) {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} threads still running after the shutdown grace of {} ms; interrupting them", what,
                        grace.toMillis());
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
