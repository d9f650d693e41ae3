package chat.client;

import chat.core.Message.Ping;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Pings after a quiet spell so that proxies (nginx drops idle streams) keep the connection, and drops a
 * connection whose pong does not come: a half-open socket would otherwise look alive until the next command.
 */
final class Heartbeat implements AutoCloseable {
    private final Link link;
    private final Duration idle;
    private final Duration answerWithin;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("chat-heartbeat").factory());

    Heartbeat(Link link, Duration idle, Duration answerWithin) {
        this.link = link;
        this.idle = idle;
        this.answerWithin = answerWithin;
    }

    void start() {
        thread.execute(this::run);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    private void run() {
        try {
            while (true) {
                Duration quiet = link.quietFor();
                if (quiet.compareTo(idle) < 0) {
                    Thread.sleep(idle.minus(quiet));
                } else {
                    ping();
                    Thread.sleep(idle);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ping() {
        if (!link.connected()) {
            return;
        }
        link.request(Ping::new)
                .orTimeout(answerWithin.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((pong, failure) -> {
                    if (failure instanceof TimeoutException) {
                        link.drop("no answer to a ping within " + answerWithin.toSeconds() + " s");
                    }
                });
    }
}
