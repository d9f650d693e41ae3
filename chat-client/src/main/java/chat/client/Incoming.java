package chat.client;

import chat.core.Message;
import chat.core.MessageType;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows what arrives unasked (chats from others, events among contacts, connection trouble); holds chats back
 * from the moment the connection is lost, and has the user {@link Resume}d once it is back. While nobody is logged
 * in, connection trouble is not shown: the server closes a connection that has not logged in for a while, and the
 * link quietly dials again; a command sent meanwhile says the server is not reachable.
 */
final class Incoming implements Link.Events {
    private static final String RETRY_HINT = "'reconnect' tries now";

    private final Screen screen;
    private final Renderer renderer;
    private final ChatLines chats;
    private final EventLines events;
    private final Inbox inbox;
    private final LoginState login;
    private final ChatQueue queue;
    private final Resume resume;
    private final String address;

    Incoming(Screen screen, Renderer renderer, ChatLines chats, EventLines events, Inbox inbox, LoginState login,
             ChatQueue queue, Resume resume, String address) {
        this.screen = screen;
        this.renderer = renderer;
        this.chats = chats;
        this.events = events;
        this.inbox = inbox;
        this.login = login;
        this.queue = queue;
        this.resume = resume;
        this.address = address;
    }

    /**
     * Chats are shown once each (one may also have come in a sync page); an error nobody waits for is shown too.
     * Late answers to timed-out requests are not, nor is a refused position report: the user can do nothing about
     * it, and the next report or sync makes up for it.
     */
    @Override
    public void delivered(Message message) {
        if (!inbox.firstSeen(message)) {
            return;
        }
        chats.of(message).or(() -> events.of(message)).ifPresentOrElse(screen::show, () -> {
            if (message instanceof Message.Error error && !refusedReport(error) && login.loggedIn()) {
                screen.warn(renderer.error("from the server: " + error.errmsg()));
            }
        });
    }

    private static boolean refusedReport(Message.Error error) {
        return error.req() != null && error.req() == MessageType.RECEIVED.id();
    }

    @Override
    public void unreadable(String why) {
        screen.warn(renderer.notice("ignored a message from the server that could not be read: " + why));
    }

    @Override
    public void lost(String why) {
        queue.hold();
        if (login.loggedIn()) {
            screen.warn(renderer.notice("lost the connection to " + address + " (" + why + "); reconnecting, and "
                    + "queueing chats till then (" + RETRY_HINT + ")"));
        }
    }

    @Override
    public void retrying(int attempt, Duration delay, String why) {
        if (login.loggedIn()) {
            screen.warn(renderer.notice(String.format(Locale.ROOT,
                    "reconnect attempt %d failed (%s); next try in %.1f s (%s)", attempt, why,
                    delay.toMillis() / 1000.0, RETRY_HINT)));
        }
    }

    @Override
    public void restored() {
        if (login.loggedIn()) {
            screen.warn(renderer.notice("reconnected to " + address));
        }
        resume.run();
    }
}
