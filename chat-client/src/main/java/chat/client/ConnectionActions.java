package chat.client;

import java.util.concurrent.CompletableFuture;

/** reconnect: dial again now rather than wait out the backoff, which after a long outage is up to 30 s. */
final class ConnectionActions {
    private final Link link;
    private final Screen screen;
    private final Renderer renderer;
    private final String address;

    ConnectionActions(Link link, Screen screen, Renderer renderer, String address) {
        this.link = link;
        this.screen = screen;
        this.renderer = renderer;
        this.address = address;
    }

    /** How the try goes is told as it happens, by the link's notices. */
    CompletableFuture<Outcome> reconnect() {
        screen.show(renderer.info(link.retryNow() ? "trying " + address + " again now"
                : "connected to " + address + " already"));
        return CompletableFuture.completedFuture(Outcome.DONE);
    }
}
