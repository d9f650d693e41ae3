package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AcceptBackoffTest {
    private static final IOException EMFILE = new IOException("Too many open files");

    @Test
    void waitsDoubleFromTenMillisecondsToOneSecond() {
        AcceptBackoff backoff = new AcceptBackoff();

        List<Long> waits = Stream.generate(() -> backoff.failed(EMFILE).toMillis()).limit(9).toList();

        assertEquals(List.of(10L, 20L, 40L, 80L, 160L, 320L, 640L, 1000L, 1000L), waits);
    }

    @Test
    void aSuccessfulAcceptStartsAgainFromTheShortestWait() {
        AcceptBackoff backoff = new AcceptBackoff();
        for (int i = 0; i < 5; i++) {
            backoff.failed(EMFILE);
        }

        backoff.succeeded();

        assertEquals(Duration.ofMillis(10), backoff.failed(EMFILE));
    }
}
