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
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires one server node together and takes it apart again, in the reverse order: the listener first (its
 * users go offline), then the history writers, the cluster, the mailbox and the database.
 */
public final class ChatNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatNode.class);
    /**
     * Two batches in flight, of at most 500 chats; a writer gives its connection back after 1 s without chats;
     * a chat the database has not taken within 2 s fails, so senders hear of an outage quickly.
     */
    private static final BatchingChatStore.Settings HISTORY = new BatchingChatStore.Settings(2, 500,
            Duration.ofSeconds(1), Duration.ofSeconds(2));

    /**
     * Everything a node is started with. {@code maxConnections} 0 takes as many as the open-file limit leaves
     * room for, and a larger number is lowered to that. {@code cluster} is null for a node that runs alone; with
     * it, the node routes through Redis and shares presence with the other nodes on the same Redis and database.
     * {@code tls} null serves plain TCP.
     */
    public record Settings(String host, int port, DatabaseSettings database, int passwordIterations,
                           int maxConnections, long maxQueuedBytesPerConnection, Duration shutdownGrace,
                           ClusterSettings cluster, PasswordGate.Limits passwordLimits, ServerTls tls) {

        /** Plain TCP. */
        public Settings(String host, int port, DatabaseSettings database, int passwordIterations,
                        int maxConnections, long maxQueuedBytesPerConnection, Duration shutdownGrace,
                        ClusterSettings cluster, PasswordGate.Limits passwordLimits) {
            this(host, port, database, passwordIterations, maxConnections, maxQueuedBytesPerConnection,
                    shutdownGrace, cluster, passwordLimits, null);
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

    /** What has been started so far, closed last-started first. */
    private final List<AutoCloseable> started;
    private final ChatServer server;

    private ChatNode(List<AutoCloseable> started, ChatServer server) {
        this.started = started;
        this.server = server;
    }

    public static ChatNode start(Settings settings) throws IOException {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Codec codec = new Codec();
            Clock clock = Clock.systemDefaultZone();
            Database database = Database.open(settings.database());
            started.add(database);
            ChatMessageDao chats = database.dao(ChatMessageDao.class);
            Mailbox mailbox = Mailbox.start(database.dao(DeliveryCursorDao.class), chats, codec, clock);
            started.add(mailbox);
            Cluster cluster = settings.cluster() == null
                    ? Cluster.standalone(mailbox)
                    : Cluster.redis(settings.cluster(), mailbox);
            started.add(cluster);
            if (settings.cluster() == null) {
                log.info("node running alone: no --redis, so presence and routing stay on this node");
            }
            MessageIds ids = new MessageIds(clock, cluster::slot, chats.maxId());
            BatchingChatStore history = BatchingChatStore.start(database.jdbi(), ids, HISTORY);
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
            ChatServer server = new ChatServer(new ChatServer.Settings(settings.host(), settings.port(),
                    maxConnections, settings.maxQueuedBytesPerConnection(), settings.shutdownGrace(),
                    ConnectionTimeouts.DEFAULTS, settings.tls()),
                    codec, new Dispatcher(handlers, sessions), mailbox);
            started.add(server);
            server.start();
            return new ChatNode(started, server);
        } catch (IOException | RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    /**
     * Stops accepting and closes connections (their users go offline), stores what the history writers hold,
     * leaves the cluster (releasing only this node's users), stores delivery positions, and closes the database.
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
