package chat.client;

import chat.core.Message;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * One request and its answer, with feedback for every outcome: the expected answer goes to the caller; the
 * server's refusal, silence past the timeout or a lost connection are shown on the screen. The returned future
 * completes once that feedback is shown, which is what the REPL waits for.
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

    <T extends Message> CompletableFuture<Void> ask(IntFunction<Message> request, Class<T> expected,
                                                   Consumer<T> onAnswer) {
        return link.request(request, answered -> answered
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((answer, failure) -> {
                    if (failure != null) {
                        screen.show(renderer.error(describe(failure)));
                    } else if (expected.isInstance(answer)) {
                        onAnswer.accept(expected.cast(answer));
                    } else if (answer instanceof Message.Error refused) {
                        screen.show(renderer.error(refused.errmsg()));
                    } else {
                        screen.show(renderer.error("unexpected answer from the server: " + answer.type()));
                    }
                    return null;
                }));
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return switch (cause) {
            case TimeoutException t -> "no answer from the server within " + timeout.toSeconds() + " s";
            case Link.Down down -> down.getMessage();
            default -> cause.toString();
        };
    }
}
