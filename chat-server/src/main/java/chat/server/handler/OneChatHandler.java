package chat.server.handler;

import chat.core.Codec;
import chat.core.ErrorCode;
import chat.core.Message.OneChat;
import chat.core.Message.OneChatAck;
import chat.core.ProtocolException;
import chat.server.cluster.Cluster;
import chat.server.directory.UserDirectory;
import chat.server.session.Session;
import chat.server.storage.ChatStore;
import chat.server.storage.NewChat;
import chat.server.storage.StoredChat;
import chat.server.storage.UserRef;
import java.time.Clock;

/**
 * One-to-one chat: given its id and queued for storing, routed at once, and acked to the sender once it is
 * durable. What the recipient gets names the session's user as sender and the server's time, whatever the
 * request claimed, and carries the message id.
 */
public final class OneChatHandler implements Handler<OneChat> {
    private final UserDirectory users;
    private final ChatStore history;
    private final Cluster cluster;
    private final Codec codec;
    private final SentTime.Stamps stamps;

    public OneChatHandler(UserDirectory users, ChatStore history, Cluster cluster, Codec codec,
                          Clock clock) {
        this.users = users;
        this.history = history;
        this.cluster = cluster;
        this.codec = codec;
        this.stamps = new SentTime.Stamps(clock);
    }

    @Override
    public void handle(Session session, OneChat chat) throws ProtocolException {
        UserRef sender = session.currentUser();
        if (users.find(chat.toid()).isEmpty()) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "no user with id " + chat.toid());
        }
        SentTime time = stamps.now();
        StoredChat stored = history.store(new NewChat(sender.id(), chat.toid(), null, chat.msg(), time.value()));
        cluster.send(chat.toid(), stored.id(), codec.encodeLine(
                new OneChat(null, sender.id(), sender.name(), chat.toid(), chat.msg(), time.text(), stored.id())));
        session.acknowledgeWhenCommitted(stored, chat, new OneChatAck(chat.seq(), stored.id(), time.text()));
    }
}
