package chat.client;

import chat.core.ChatCursor;
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
    private final ClientTls tls;
    private final FrontendFactory frontends;
    private final boolean keepGoing;

    /**
     * {@code tls} null speaks plain TCP. {@code keepGoing}: a script runs every line even after one failed (see
     * {@link Verdict}).
     */
    ClientApp(String host, int port, ClientTls tls, FrontendFactory frontends, boolean keepGoing) {
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.frontends = frontends;
        this.keepGoing = keepGoing;
    }

    /** What the user's commands and the server's pushes share: who is logged in and what is known of others. */
    private record Shared(LoginState login, ContactList contacts, People people, Conversations conversations,
                          Renderer renderer) {
        static Shared create() {
            LoginState login = new LoginState();
            ContactList contacts = new ContactList();
            return new Shared(login, contacts, new People(login, contacts), new Conversations(),
                    new Renderer(new TimeLabel(Clock.systemDefaultZone())));
        }
    }

    ExitCode run() throws IOException {
        Codec codec = new Codec();
        Shared shared = Shared.create();
        LoginState login = shared.login();
        ChatLines chats = new ChatLines(shared.renderer(), shared.contacts(), shared.people(), shared.conversations(),
                codec);
        Inbox inbox = new Inbox(login, ChatCursor.span(SEEN_WINDOW));
        // java.util.Random, unlike most generators, is safe to share between the link and the re-login thread.
        Backoff backoff = new Backoff(RECONNECT_FIRST, RECONNECT_CAP, new Random());
        try (Frontend frontend = frontends.open(new ChatCompleter(shared.contacts(), login));
             Link link = new Link(() -> ServerConnection.open(host, port, CONNECT_TIMEOUT, codec, tls), backoff);
             Heartbeat heartbeat = new Heartbeat(link, PING_WHEN_IDLE, ANSWER_TIMEOUT);
             CatchUp catchUp = new CatchUp(new Syncer(link, ANSWER_TIMEOUT, Limits.DEFAULT_SYNC_PAGE), inbox, login,
                     chats, frontend.screen(), SYNC_AGAIN_AFTER);
             PositionReporter reporter = new PositionReporter(link, inbox, login, REPORT_POSITION_EVERY)) {
            Screen screen = frontend.screen();
            Renderer renderer = shared.renderer();
            Exchange exchange = new Exchange(link, screen, renderer, ANSWER_TIMEOUT);
            ChatQueue queue = new ChatQueue();
            ChatActions chatActions = new ChatActions(exchange, shared.contacts(), shared.people(), login, queue,
                    screen, renderer);
            ContactsView view = new ContactsView(shared.conversations());
            AccountActions account = new AccountActions(exchange, login, shared.contacts(),
                    new SessionEnd(login, shared.contacts(), shared.conversations(), chatActions), screen, renderer,
                    view, catchUp, reporter);
            Resume resume = new Resume(account, chatActions, login, backoff, screen, renderer);
            try {
                EventLines events = new EventLines(renderer, shared.contacts(), shared.people(), login);
                link.start(new Incoming(screen, renderer, chats, events, inbox, login, queue, resume, address()));
            } catch (IOException e) {
                screen.warn(renderer.error("cannot connect to " + address() + ": " + e.getMessage()));
                return ExitCode.UNREACHABLE;
            }
            heartbeat.start();
            reporter.start();
            screen.show(renderer.info("connected to " + address()
                    + "; 'register NAME' or 'login NAME' to start, 'help' for all commands"));
            CommandRunner commands = commands(shared, exchange, link, screen, account, chatActions, view);
            return repl(frontend, shared, commands, account, queue).run();
        }
    }

    private CommandRunner commands(Shared shared, Exchange exchange, Link link, Screen screen, AccountActions account,
                                   ChatActions chatActions, ContactsView view) {
        LoginState login = shared.login();
        Renderer renderer = shared.renderer();
        return new CommandRunner(login, account, chatActions,
                new HistoryActions(exchange, shared.contacts(), shared.people(), shared.conversations(), login,
                        screen, renderer),
                new ContactActions(exchange, shared.contacts(), shared.people(), shared.conversations(), login, screen,
                        renderer, view),
                new ConversationActions(shared.conversations(), shared.contacts(), shared.people(), chatActions,
                        screen, renderer),
                new ConnectionActions(link, screen, renderer, address()), screen, renderer, new HelpText());
    }

    private Repl repl(Frontend frontend, Shared shared, CommandRunner commands, AccountActions account,
                      ChatQueue queue) {
        return new Repl(frontend.lines(), frontend.screen(), new CommandParser(), shared.conversations(),
                new Prompt(shared.login(), shared.conversations(), shared.people(), shared.contacts()), commands,
                account, shared.login(), shared.renderer(), new Verdict(frontend.scripted(), keepGoing, queue),
                !frontend.scripted(), REPL_PATIENCE);
    }

    private String address() {
        return host + ":" + port + (tls == null ? "" : " over TLS");
    }
}
