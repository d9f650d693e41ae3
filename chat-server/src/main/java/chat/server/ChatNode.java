package chat.server;

import chat.core.Codec;
import chat.core.Message;
import chat.server.auth.PasswordGate;
import chat.server.auth.PasswordHasher;
import chat.server.auth.ResumeTokens;
import chat.server.cluster.Cluster;
import chat.server.cluster.ClusterSettings;
import chat.server.delivery.Mailbox;
import chat.server.directory.ContactBook;
import chat.server.directory.ContactEvents;
import chat.server.directory.GroupMembers;
import chat.server.directory.UserDirectory;
import chat.server.dispatch.Dispatcher;
import chat.server.dispatch.Handlers;
import chat.server.handler.AddFriendHandler;
import chat.server.handler.ChangePasswordHandler;
import chat.server.handler.ContactsHandler;
import chat.server.handler.CreateGroupHandler;
import chat.server.handler.FindUserHandler;
import chat.server.handler.GroupChatHandler;
import chat.server.handler.HistoryHandler;
import chat.server.handler.JoinGroupHandler;
import chat.server.handler.LeaveGroupHandler;
import chat.server.handler.LoginHandler;
import chat.server.handler.LogoutHandler;
import chat.server.handler.OneChatHandler;
import chat.server.handler.PingHandler;
import chat.server.handler.ReceivedHandler;
import chat.server.handler.RegisterHandler;
import chat.server.handler.RemoveFriendHandler;
import chat.server.handler.SyncHandler;
import chat.server.ops.AdminServer;
import chat.server.ops.Metrics;
import chat.server.session.SessionRegistry;
import chat.server.storage.BatchingChatStore;
import chat.server.storage.ChatMessageDao;
import chat.server.storage.Database;
import chat.server.storage.DatabaseSettings;
import chat.server.storage.DeliveryCursorDao;
import chat.server.storage.FriendDao;
import chat.server.storage.GroupDao;
import chat.server.storage.MessageIds;
import chat.server.storage.ResumeTokenDao;
import chat.server.storage.UserDao;
import chat.server.transport.ChatServer;
import chat.server.transport.ConnectionCap;
import chat.server.transport.ConnectionTimeouts;
import chat.server.transport.ServerTls;
import chat.server.transport.WebSocketServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires one server node together and takes it apart again, in the reverse order: the admin port first, the
 * listeners, WebSocket then TCP (their users go offline), then the history writers, the cluster, the mailbox,
 * the database and the metrics.
 */
public final class ChatNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatNode.class);
    /**
     * Two batches in flight, of at most 500 chats; a writer gives its connection back after 1 s without chats;
     * a chat the database has not taken within 2 s fails, so senders hear of an outage quickly.
     */
    private static final BatchingChatStore.Settings HISTORY = new BatchingChatStore.Settings(2, 500,
            Duration.ofSeconds(1), Duration.ofSeconds(2), false);
    /**
     * The embedded SQLite store has one write lock, which a transaction holds from its start: one writer, which
     * ends its transaction after each batch so that registrations and cursor moves get their turn between.
     */
    private static final BatchingChatStore.Settings EMBEDDED_HISTORY = new BatchingChatStore.Settings(1, 500,
            Duration.ofSeconds(1), Duration.ofSeconds(2), true);

    /**
     * Everything a node is started with. {@code maxConnections} 0 takes as many as the open-file limit leaves
     * room for, and a larger number is lowered to that. {@code cluster} is null for a node that runs alone; with
     * it, the node routes through Redis and shares presence with the other nodes on the same Redis and database.
     * {@code admin} is where the admin port listens (metrics and health), null for none. {@code tls} null serves
     * plain TCP.
     */
    public record Settings(String host, int port, DatabaseSettings database, int passwordIterations,
                           int maxConnections, long maxQueuedBytesPerConnection, Duration shutdownGrace,
                           ClusterSettings cluster, PasswordGate.Limits passwordLimits, InetSocketAddress admin,
                           Web web, ServerTls tls) {

        /** Without an admin port, the web client and WebSocket, and TLS. */
        public Settings(String host, int port, DatabaseSettings database, int passwordIterations,
                        int maxConnections, long maxQueuedBytesPerConnection, Duration shutdownGrace,
                        ClusterSettings cluster, PasswordGate.Limits passwordLimits) {
            this(host, port, database, passwordIterations, maxConnections, maxQueuedBytesPerConnection,
                    shutdownGrace, cluster, passwordLimits, null, null, null);
        }

        /** Without the web client and WebSocket, and TLS. */
        public Settings(String host, int port, DatabaseSettings database, int passwordIterations,
                        int maxConnections, long maxQueuedBytesPerConnection, Duration shutdownGrace,
                        ClusterSettings cluster, PasswordGate.Limits passwordLimits, InetSocketAddress admin) {
            this(host, port, database, passwordIterations, maxConnections, maxQueuedBytesPerConnection,
                    shutdownGrace, cluster, passwordLimits, admin, null, null);
        }

        /** The same node, also serving the web client and its WebSocket as {@code web} says. */
        public Settings withWeb(Web web) {
            return new Settings(host, port, database, passwordIterations, maxConnections,
                    maxQueuedBytesPerConnection, shutdownGrace, cluster, passwordLimits, admin, web, tls);
        }

        /** The same node, serving TLS instead of plain TCP. */
        public Settings withTls(ServerTls tls) {
            return new Settings(host, port, database, passwordIterations, maxConnections,
                    maxQueuedBytesPerConnection, shutdownGrace, cluster, passwordLimits, admin, web, tls);
        }

        /** With the default limits on password work. */
        public Settings(String host, int port, DatabaseSettings database, int passwordIterations,
                        int maxConnections, long maxQueuedBytesPerConnection, Duration shutdownGrace,
                        ClusterSettings cluster) {
            this(host, port, database, passwordIterations, maxConnections, maxQueuedBytesPerConnection,
                    shutdownGrace, cluster, PasswordGate.Limits.withThreads(PasswordGate.Limits.defaultHashThreads()));
        }

        /** A node that runs alone, with the default limits on password work. */
        public Settings(String host, int port, DatabaseSettings database, int passwordIterations,
                        int maxConnections, long maxQueuedBytesPerConnection, Duration shutdownGrace) {
            this(host, port, database, passwordIterations, maxConnections, maxQueuedBytesPerConnection,
                    shutdownGrace, null);
        }
    }

    /**
     * Where the web client and its WebSocket listen ({@code port} 0: a free one), and the page origins allowed to
     * open it (empty: only pages from the host and port the browser connected to; otherwise those and the node's
     * own address).
     */
    public record Web(String host, int port, List<String> origins) {
        public Web {
            origins = List.copyOf(origins);
        }
    }

    /** What has been started so far, closed last-started first. */
    private final List<AutoCloseable> started;
    private final ChatServer server;
    private final AdminServer admin;
    /** Null when the node serves no web client. */
    private final WebSocketServer web;

    private ChatNode(List<AutoCloseable> started, ChatServer server, AdminServer admin, WebSocketServer web) {
        this.started = started;
        this.server = server;
        this.admin = admin;
        this.web = web;
    }

    /** Starts every part of the node, the admin port last; a port it cannot listen on is a {@link CannotListen}. */
    public static ChatNode start(Settings settings) throws IOException {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Codec codec = new Codec();
            Clock clock = Clock.systemDefaultZone();
            Metrics metrics = settings.admin() == null ? Metrics.off() : Metrics.prometheus();
            started.add(metrics);
            Database database = Database.open(settings.database());
            started.add(database);
            database.reportTo(metrics);
            ChatMessageDao chats = database.dao(ChatMessageDao.class);
            Mailbox mailbox = Mailbox.start(database.dao(DeliveryCursorDao.class), chats, codec, clock);
            started.add(mailbox);
            Cluster cluster = settings.cluster() == null
                    ? Cluster.standalone(mailbox, metrics)
                    : Cluster.redis(settings.cluster(), mailbox, metrics);
            started.add(cluster);
            MessageIds ids = new MessageIds(clock, cluster::slot, chats.maxId());
            BatchingChatStore history = BatchingChatStore.start(database.jdbi(), ids,
                    settings.database().isSqlite() ? EMBEDDED_HISTORY : HISTORY, metrics);
            started.add(history);

            PasswordGate passwords = new PasswordGate(new PasswordHasher(settings.passwordIterations()),
                    settings.passwordLimits(), clock);
            started.add(passwords);
            ResumeTokens tokens = new ResumeTokens(database.dao(ResumeTokenDao.class), clock,
                    ResumeTokens.DEFAULT_LIFETIME);
            UserDao users = database.dao(UserDao.class);
            GroupDao groups = database.dao(GroupDao.class);
            FriendDao friends = database.dao(FriendDao.class);
            UserDirectory directory = new UserDirectory(users);
            ContactBook contacts = new ContactBook(friends, groups, cluster);
            GroupMembers members = new GroupMembers(groups, cluster, clock);
            ContactEvents events = new ContactEvents(friends, members, cluster, codec);
            // Alone, this node gives every id, so its store knows when all of them are stored; in a cluster, chats
            // from other nodes are waited for as long as any store may take.
            LongSupplier settledThrough = settings.cluster() == null
                    ? history::settledThrough
                    : () -> MessageIds.positionAt(clock.millis() - Mailbox.SETTLE.toMillis());
            SessionRegistry sessions = new SessionRegistry(cluster, mailbox, settledThrough, events);

            Handlers handlers = new Handlers()
                    .beforeLogin(Message.Login.class, new LoginHandler(users, passwords, tokens, sessions, contacts))
                    .beforeLogin(Message.Register.class, new RegisterHandler(users, passwords, clock))
                    .beforeLogin(Message.Ping.class, new PingHandler())
                    .afterLogin(Message.Logout.class, new LogoutHandler(sessions, tokens))
                    .afterLogin(Message.OneChat.class, new OneChatHandler(directory, history, cluster, codec, clock))
                    .afterLogin(Message.AddFriend.class, new AddFriendHandler(directory, friends, contacts, events))
                    .afterLogin(Message.CreateGroup.class, new CreateGroupHandler(groups, contacts, clock))
                    .afterLogin(Message.JoinGroup.class, new JoinGroupHandler(groups, members, contacts, events))
                    .afterLogin(Message.GroupChat.class,
                            new GroupChatHandler(members, groups, history, cluster, codec, clock))
                    .afterLogin(Message.History.class, new HistoryHandler(chats, groups))
                    .afterLogin(Message.ContactsRequest.class, new ContactsHandler(contacts))
                    .afterLogin(Message.Sync.class, new SyncHandler(mailbox, codec))
                    .afterLogin(Message.Received.class, new ReceivedHandler(mailbox))
                    .afterLogin(Message.FindUser.class, new FindUserHandler(directory, contacts))
                    .afterLogin(Message.LeaveGroup.class, new LeaveGroupHandler(groups, members, events))
                    .afterLogin(Message.RemoveFriend.class, new RemoveFriendHandler(friends, events))
                    .afterLogin(Message.ChangePassword.class, new ChangePasswordHandler(users, passwords, tokens));

            int maxConnections = ConnectionCap.ofThisProcess().resolve(settings.maxConnections(),
                    settings.database().poolSize());
            Dispatcher dispatcher = new Dispatcher(handlers, sessions);
            ChatServer server = new ChatServer(new ChatServer.Settings(settings.host(), settings.port(),
                    maxConnections, settings.maxQueuedBytesPerConnection(), settings.shutdownGrace(),
                    ConnectionTimeouts.DEFAULTS, settings.tls()),
                    codec, dispatcher, mailbox, metrics);
            started.add(server);
            listen(() -> {
                server.start();
                return server;
            }, settings.host(), settings.port(), false);
            WebSocketServer web = null;
            if (settings.web() != null) {
                // Browsers are one more kind of connection: the same dispatcher, sessions and mailbox.
                web = new WebSocketServer(new WebSocketServer.Settings(settings.web().host(), settings.web().port(),
                        settings.web().origins(), maxConnections, settings.maxQueuedBytesPerConnection(),
                        settings.shutdownGrace(), ConnectionTimeouts.DEFAULTS), codec, dispatcher, mailbox, metrics);
                started.add(web);
                web.start();
            }
            AdminServer admin = null;
            if (settings.admin() != null) {
                admin = startAdmin(settings.admin(), metrics, database, cluster, settings.cluster() != null);
                started.add(admin);
            }
            return new ChatNode(started, server, admin, web);
        } catch (IOException | RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    /** Ready while the database answers and, in a cluster, while the node hears the others through Redis. */
    private static AdminServer startAdmin(InetSocketAddress address, Metrics metrics, Database database,
                                          Cluster cluster, boolean clustered) throws IOException {
        List<AdminServer.Check> readiness = new ArrayList<>();
        readiness.add(database::problem);
        if (clustered) {
            readiness.add(() -> cluster.linked() ? null : "the Redis subscription is down");
        }
        return listen(() -> AdminServer.start(address, metrics, readiness), address.getHostString(),
                address.getPort(), true);
    }

    /** A port of the node is taken, or its address is not one of this machine's; the message names it. */
    public static final class CannotListen extends BindException {
        private final boolean admin;
        private final boolean inUse;

        CannotListen(String host, int port, boolean admin, BindException cause) {
            super(host + ":" + port + (inUse(cause) ? " is already in use" : " cannot be listened on: "
                    + cause.getMessage()));
            initCause(cause);
            this.admin = admin;
            this.inUse = inUse(cause);
        }

        private static boolean inUse(BindException e) {
            return e.getMessage() != null && e.getMessage().contains("in use");
        }

        /** True for the admin port, false for the chat port. */
        public boolean admin() {
            return admin;
        }

        /** True when another process holds the port, rather than the address being wrong. */
        public boolean inUse() {
            return inUse;
        }
    }

    private interface Binding<T> {
        T bind() throws IOException;
    }

    /** Binds, and says which address is taken when it is: the JDK's "Address already in use" does not. */
    private static <T> T listen(Binding<T> binding, String host, int port, boolean admin) throws IOException {
        try {
            return binding.bind();
        } catch (BindException e) {
            throw new CannotListen(host, port, admin, e);
        }
    }

    public int port() {
        return server.port();
    }

    /** The admin port, or -1 when the node has none. */
    public int adminPort() {
        return admin == null ? -1 : admin.port();
    }

    /** The port of the web client and its WebSocket; the node must have been started with them. */
    public int webPort() {
        if (web == null) {
            throw new IllegalStateException("this node serves no web client (no --ws-port)");
        }
        return web.port();
    }

    /**
     * Closes the admin port, stops accepting and closes connections (their users go offline), stores what the
     * history writers hold, leaves the cluster (releasing only this node's users), stores delivery positions, and
     * closes the database.
     */
    @Override
    public void close() {
        closeAll(started);
    }

    private static void closeAll(List<AutoCloseable> started) {
        for (AutoCloseable part : started.reversed()) {
            try {
                part.close();
            } catch (Exception e) {
                log.warn("closing {} failed", part.getClass().getSimpleName(), e);
            }
        }
        started.clear();
    }
}
