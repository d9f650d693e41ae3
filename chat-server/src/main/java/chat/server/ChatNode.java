package chat.server;

import chat.core.Codec;
import chat.server.dispatch.Dispatcher;
import chat.server.dispatch.Handlers;
import chat.server.handler.AddFriendHandler;
import chat.server.handler.ContactBook;
import chat.server.handler.ContactsHandler;
import chat.server.handler.CreateGroupHandler;
import chat.server.handler.GroupChatHandler;
import chat.server.handler.GroupMembers;
import chat.server.handler.HistoryHandler;
import chat.server.handler.JoinGroupHandler;
import chat.server.handler.LoginHandler;
import chat.server.handler.LogoutHandler;
import chat.server.handler.OfflineRedelivery;
import chat.server.handler.OneChatHandler;
import chat.server.handler.RegisterHandler;
import chat.server.handler.ResumeTokens;
import chat.server.handler.UserDirectory;
import chat.server.routing.ClusterLink;
import chat.server.routing.ClusterSettings;
import chat.server.routing.LocalPresence;
import chat.server.routing.LocalSessions;
import chat.server.routing.MessageRouter;
import chat.server.routing.OfflineStore;
import chat.server.routing.Presence;
import chat.server.routing.RedisCluster;
import chat.server.storage.BatchingChatStore;
import chat.server.storage.ChatMessageDao;
import chat.server.storage.ResumeTokenDao;
import chat.server.storage.Database;
import chat.server.storage.DatabaseSettings;
import chat.server.storage.FriendDao;
import chat.server.storage.GroupDao;
import chat.server.storage.OfflineMessageDao;
import chat.server.storage.PasswordHasher;
import chat.server.storage.UserDao;
import chat.server.transport.ChatServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires one server node together and takes it apart again, in order. */
public final class ChatNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatNode.class);
    /** Chat inserts in flight at once, and the most one transaction stores: see BatchingChatStore. */
    private static final int HISTORY_WRITERS = 2;
    private static final int HISTORY_BATCH = 500;
    /** How long a history writer keeps its connection without chats to store: see BatchingChatStore. */
    private static final Duration HISTORY_KEEP_IDLE = Duration.ofSeconds(1);

    /**
     * Everything a node is started with. {@code cluster} is null for a node that runs alone; with it, the node
     * routes through Redis and shares presence with the other nodes on the same Redis and database.
     */
    public record Settings(String host, int port, DatabaseSettings database, int passwordIterations,
                           int maxConnections, long maxQueuedBytesPerConnection, Duration shutdownGrace,
                           ClusterSettings cluster) {

        /** A node that runs alone. */
        public Settings(String host, int port, DatabaseSettings database, int passwordIterations,
                        int maxConnections, long maxQueuedBytesPerConnection, Duration shutdownGrace) {
            this(host, port, database, passwordIterations, maxConnections, maxQueuedBytesPerConnection,
                    shutdownGrace, null);
        }
    }

    private final Database database;
    private final BatchingChatStore history;
    private final RedisCluster redis;
    private final Presence presence;
    private final ClusterLink cluster;
    private final ChatServer server;

    private ChatNode(Database database, BatchingChatStore history, RedisCluster redis, Presence presence,
                     ClusterLink cluster, ChatServer server) {
        this.database = database;
        this.history = history;
        this.redis = redis;
        this.presence = presence;
        this.cluster = cluster;
        this.server = server;
    }

    public static ChatNode start(Settings settings) throws IOException {
        Database database = Database.open(settings.database());
        RedisCluster redis = null;
        BatchingChatStore history = null;
        try {
            Codec codec = new Codec();
            Clock clock = Clock.systemDefaultZone();
            PasswordHasher hasher = new PasswordHasher(settings.passwordIterations());
            UserDao users = database.dao(UserDao.class);
            GroupDao groups = database.dao(GroupDao.class);
            history = new BatchingChatStore(database.jdbi(), HISTORY_WRITERS, HISTORY_BATCH, HISTORY_KEEP_IDLE);
            ResumeTokens tokens = new ResumeTokens(database.dao(ResumeTokenDao.class), clock,
                    ResumeTokens.DEFAULT_LIFETIME);
            OfflineMessageDao offlineMessages = database.dao(OfflineMessageDao.class);
            OfflineStore offline = (userId, line) -> offlineMessages.insert(userId, withoutNewline(line));

            LocalSessions sessions = new LocalSessions();
            if (settings.cluster() != null) {
                redis = RedisCluster.connect(settings.cluster());
            }
            Presence presence = redis == null ? new LocalPresence() : redis.presence();
            ClusterLink cluster = redis == null ? ClusterLink.NONE : redis.link();
            MessageRouter router = new MessageRouter(sessions, cluster, offline);
            GroupMembers members = new GroupMembers(groups, cluster);
            if (redis != null) {
                redis.start(router, members,
                        new OfflineRedelivery(sessions, offlineMessages)::deliverToConnectedUsers);
            }
            UserDirectory directory = new UserDirectory(users);
            FriendDao friends = database.dao(FriendDao.class);
            ContactBook contacts = new ContactBook(friends, groups, presence);

            Handlers handlers = new Handlers(
                    new LoginHandler(users, hasher, tokens, presence, sessions, contacts, offlineMessages),
                    new RegisterHandler(users, hasher),
                    new LogoutHandler(sessions, presence, tokens),
                    new OneChatHandler(directory, history, router, codec, clock),
                    new AddFriendHandler(directory, friends, contacts),
                    new CreateGroupHandler(groups, contacts),
                    new JoinGroupHandler(groups, members, contacts),
                    new GroupChatHandler(members, groups, history, router, codec, clock),
                    new HistoryHandler(database.dao(ChatMessageDao.class), groups),
                    new ContactsHandler(contacts));
            ChatServer server = new ChatServer(new ChatServer.Settings(settings.host(), settings.port(),
                    settings.maxConnections(), settings.maxQueuedBytesPerConnection(), settings.shutdownGrace()),
                    codec, new Dispatcher(handlers), offline);
            server.start();
            if (redis == null) {
                log.info("node running alone: no --redis, so presence and routing stay on this node");
            }
            return new ChatNode(database, history, redis, presence, cluster, server);
        } catch (IOException | RuntimeException e) {
            if (redis != null) {
                redis.close();
            }
            if (history != null) {
                history.close();
            }
            database.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    /**
     * Stops accepting, closes connections (their users go offline), then the cluster link, presence, the Redis
     * subscription and pool, and the database, in that order. Only this node's users are released.
     */
    @Override
    public void close() {
        server.close();
        cluster.close();
        presence.close();
        if (redis != null) {
            redis.close();
        }
        history.close();
        database.close();
    }

    private static String withoutNewline(byte[] line) {
        int length = line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length;
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }
}
