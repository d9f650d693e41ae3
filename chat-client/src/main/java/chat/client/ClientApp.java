package chat.client;

import chat.core.Codec;
import chat.core.Limits;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;

/** Builds the client around one frontend and one link to the server, and runs the REPL until the user leaves. */
final class ClientApp {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    /** A bound on waiting for feedback that should already be bounded by {@link #ANSWER_TIMEOUT}. */
    private static final Duration REPL_PATIENCE = ANSWER_TIMEOUT.plusSeconds(5);
    private static final Duration PING_WHEN_IDLE = Duration.ofSeconds(30);
    private static final Duration RECONNECT_FIRST = Duration.ofMillis(500);
    private static final Duration RECONNECT_CAP = Duration.ofSeconds(30);
    /** Past the server's 5 s for its stores to settle, so a chat that raced the login is there to be synced. */
    private static final Duration SYNC_AGAIN_AFTER = Duration.ofSeconds(6);
    private static final Duration REPORT_POSITION_EVERY = Duration.ofSeconds(2);
    /** How long a chat may trail the newest one and still be shown, if it was not already. */
    private static final Duration SEEN_WINDOW = Duration.ofSeconds(60);

    private final String host;
    private final int port;
    private final FrontendFactory frontends;
    private final boolean keepGoing;

    /** {@code keepGoing}: a script runs every line even after one failed (see {@link Verdict}). */
    ClientApp(String host, int port, FrontendFactory frontends, boolean keepGoing) {
        this.host = host;
        this.port = port;
        this.frontends = frontends;
        this.keepGoing = keepGoing;
    }

    ExitCode run() throws IOException {
        Codec codec = new Codec();
        ContactList contacts = new ContactList();
        LoginState login = new LoginState();
        Renderer renderer = new Renderer(new TimeLabel(Clock.systemDefaultZone()));
        People people = new People(login, contacts);
        Conversations conversations = new Conversations();
        ChatLines chats = new ChatLines(renderer, contacts, people, conversations, codec);
        Inbox inbox = new Inbox(login, ChatCursor.span(SEEN_WINDOW));
        // java.util.Random, unlike most generators, is safe to share between the link and the re-login thread.
        Backoff backoff = new Backoff(RECONNECT_FIRST, RECONNECT_CAP, new Random());
        try (Frontend frontend = frontends.open(new ChatCompleter(contacts, login));
             Link link = new Link(() -> ServerConnection.open(host, port, CONNECT_TIMEOUT, codec), backoff);
             Heartbeat heartbeat = new Heartbeat(link, PING_WHEN_IDLE, ANSWER_TIMEOUT);
             CatchUp catchUp = new CatchUp(new Syncer(link, ANSWER_TIMEOUT, Limits.DEFAULT_SYNC_PAGE), inbox, login,
                     chats, frontend.screen(), SYNC_AGAIN_AFTER);
             PositionReporter reporter = new PositionReporter(link, inbox, login, REPORT_POSITION_EVERY)) {
            Screen screen = frontend.screen();
            Exchange exchange = new Exchange(link, screen, renderer, ANSWER_TIMEOUT);
            ContactsView view = new ContactsView(conversations);
            AccountActions account = new AccountActions(exchange, login, contacts, conversations, screen, renderer,
                    view, catchUp, reporter);
            try {
                link.start(new Incoming(screen, renderer, chats, inbox, login, account, backoff, address()));
            } catch (IOException e) {
                screen.warn(renderer.error("cannot connect to " + address() + ": " + e.getMessage()));
                return ExitCode.UNREACHABLE;
            }
            heartbeat.start();
            reporter.start();
            screen.show(renderer.info("connected to " + address()
                    + "; 'register NAME' or 'login ID' to start, 'help' for all commands"));
            ChatActions chatActions = new ChatActions(exchange, contacts, people, conversations, login, screen,
                    renderer);
            CommandRunner commands = new CommandRunner(login, account, chatActions,
                    new ContactActions(exchange, contacts, login, screen, renderer, view),
                    new ConversationActions(conversations, contacts, people, chatActions, screen, renderer),
                    screen, renderer, new HelpText());
            return new Repl(frontend.lines(), screen, new CommandParser(), conversations,
                    new Prompt(login, conversations, people, contacts), commands, account, login, renderer,
                    new Verdict(frontend.scripted(), keepGoing), REPL_PATIENCE).run();
        }
    }

    private String address() {
        return host + ":" + port;
    }
}
