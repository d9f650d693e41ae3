package chat.client;

import chat.core.Message;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One request and its answer, with feedback for every outcome: the expected answer goes to the caller; the
 * server's refusal, silence past the timeout or a lost connection are shown on the screen. The returned future
 * completes once that feedback is shown, which is what the REPL waits for, with whether the command did its job.
 */
final class Exchange {
    private final Link link;
    private final Screen screen;
    private final Renderer renderer;
    private final Duration timeout;

    Exchange(Link link, Screen screen, Renderer renderer, Duration timeout) {
        this.link = link;
        this.screen = screen;
        this.renderer = renderer;
        this.timeout = timeout;
    }

    /** The expected answer means the command worked. */
    <T extends Message> CompletableFuture<Outcome> ask(IntFunction<Message> request, Class<T> expected,
                                                      Consumer<T> onAnswer) {
        return judge(request, expected, answer -> {
            onAnswer.accept(answer);
            return Outcome.DONE;
        });
    }

    /** For answers that may still say no, such as a login ack with an errno: {@code onAnswer} decides. */
    <T extends Message> CompletableFuture<Outcome> judge(IntFunction<Message> request, Class<T> expected,
                                                        Function<T, Outcome> onAnswer) {
        return link.request(request, answered -> answered
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((answer, failure) -> {
                    if (failure != null) {
                        screen.warn(renderer.error(describe(failure)));
                    } else if (expected.isInstance(answer)) {
                        return onAnswer.apply(expected.cast(answer));
                    } else if (answer instanceof Message.Error refused) {
                        screen.warn(renderer.error(refused.errmsg()));
                    } else {
                        screen.warn(renderer.error("unexpected answer from the server: " + answer.type()));
                    }
                    return Outcome.FAILED;
                }));
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return switch (cause) {
            case TimeoutException t -> "no answer from the server within " + timeout.toSeconds() + " s";
            case Link.Down down -> down.getMessage() + (link.connected() ? "" : " ('reconnect' tries now)");
            default -> cause.toString();
        };
    }
}
