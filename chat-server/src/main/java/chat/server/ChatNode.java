package chat.server;

import chat.core.Codec;
import chat.server.dispatch.Dispatcher;
import chat.server.dispatch.Handlers;
import chat.server.handler.AddFriendHandler;
import chat.server.handler.ContactBook;
import chat.server.handler.ContactsHandler;
import chat.server.handler.CreateGroupHandler;
import chat.server.handler.GroupChatHandler;
import chat.server.handler.HistoryHandler;
import chat.server.handler.JoinGroupHandler;
import chat.server.handler.LoginHandler;
import chat.server.handler.LogoutHandler;
import chat.server.handler.OneChatHandler;
import chat.server.handler.RegisterHandler;
import chat.server.handler.UserDirectory;
import chat.server.routing.ClusterLink;
import chat.server.routing.LocalPresence;
import chat.server.routing.LocalSessions;
import chat.server.routing.MessageRouter;
import chat.server.routing.OfflineStore;
import chat.server.routing.Presence;
import chat.server.storage.ChatMessageDao;
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

/** Wires one server node together and takes it apart again, in order. */
public final class ChatNode implements AutoCloseable {

    /** Everything a node is started with. */
    public record Settings(String host, int port, DatabaseSettings database, int passwordIterations,
                           int maxConnections, long maxQueuedBytesPerConnection, Duration shutdownGrace) {
    }

    private final Database database;
    private final Presence presence;
    private final ClusterLink cluster;
    private final ChatServer server;

    private ChatNode(Database database, Presence presence, ClusterLink cluster, ChatServer server) {
        this.database = database;
        this.presence = presence;
        this.cluster = cluster;
        this.server = server;
    }

    public static ChatNode start(Settings settings) throws IOException {
        Database database = Database.open(settings.database());
        try {
            Codec codec = new Codec();
            Clock clock = Clock.systemDefaultZone();
            PasswordHasher hasher = new PasswordHasher(settings.passwordIterations());
            UserDao users = database.dao(UserDao.class);
            GroupDao groups = database.dao(GroupDao.class);
            ChatMessageDao history = database.dao(ChatMessageDao.class);
            OfflineMessageDao offlineMessages = database.dao(OfflineMessageDao.class);
            OfflineStore offline = (userId, line) -> offlineMessages.insert(userId, withoutNewline(line));

            LocalSessions sessions = new LocalSessions();
            Presence presence = new LocalPresence();
            ClusterLink cluster = ClusterLink.NONE;
            MessageRouter router = new MessageRouter(sessions, cluster, offline);
            UserDirectory directory = new UserDirectory(users);
            ContactBook contacts = new ContactBook(database.dao(FriendDao.class), groups, presence);

            Handlers handlers = new Handlers(
                    new LoginHandler(users, hasher, presence, sessions, contacts, offlineMessages),
                    new RegisterHandler(users, hasher),
                    new LogoutHandler(sessions, presence),
                    new OneChatHandler(directory, history, router, codec, clock),
                    new AddFriendHandler(directory, database.dao(FriendDao.class), contacts),
                    new CreateGroupHandler(groups, contacts),
                    new JoinGroupHandler(groups, contacts),
                    new GroupChatHandler(groups, history, router, codec, clock),
                    new HistoryHandler(history, groups),
                    new ContactsHandler(contacts));
            ChatServer server = new ChatServer(new ChatServer.Settings(settings.host(), settings.port(),
                    settings.maxConnections(), settings.maxQueuedBytesPerConnection(), settings.shutdownGrace()),
                    codec, new Dispatcher(handlers), offline);
            server.start();
            return new ChatNode(database, presence, cluster, server);
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    /** Stops accepting, closes connections, then the cluster link, presence and the database, in that order. */
    @Override
    public void close() {
        server.close();
        cluster.close();
        presence.close();
        database.close();
    }

    private static String withoutNewline(byte[] line) {
        int length = line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length;
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }
}
