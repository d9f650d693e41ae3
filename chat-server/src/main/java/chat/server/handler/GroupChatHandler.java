package chat.server.handler;

import chat.core.Codec;
import chat.core.ErrorCode;
import chat.core.Message.GroupChat;
import chat.core.Message.GroupChatAck;
import chat.core.ProtocolException;
import chat.server.cluster.Cluster;
import chat.server.directory.GroupMembers;
import chat.server.session.Session;
import chat.server.storage.ChatStore;
import chat.server.storage.GroupDao;
import chat.server.storage.NewChat;
import chat.server.storage.StoredChat;
import chat.server.storage.UserRef;
import java.time.Clock;
import java.util.List;

/** Group chat: only members may post; stored once, routed at once to every other member, acked once durable. */
public final class GroupChatHandler implements Handler<GroupChat> {
    private final GroupMembers members;
    private final GroupDao groups;
    private final ChatStore history;
    private final Cluster cluster;
    private final Codec codec;
    private final SentTime.Stamps stamps;

    public GroupChatHandler(GroupMembers members, GroupDao groups, ChatStore history, Cluster cluster,
                            Codec codec, Clock clock) {
        this.members = members;
        this.groups = groups;
        this.history = history;
        this.cluster = cluster;
        this.codec = codec;
        this.stamps = new SentTime.Stamps(clock);
    }

    @Override
    public void handle(Session session, GroupChat chat) throws ProtocolException {
        UserRef sender = session.currentUser();
        List<Integer> recipients = members.of(chat.groupid());
        if (!recipients.contains(sender.id())) {
            if (groups.findById(chat.groupid()).isEmpty()) {
                throw new ProtocolException(ErrorCode.NOT_FOUND, "no group with id " + chat.groupid());
            }
            throw new ProtocolException(ErrorCode.FORBIDDEN, "you are not a member of group " + chat.groupid());
        }
        SentTime time = stamps.now();
        StoredChat stored = history.store(new NewChat(sender.id(), null, chat.groupid(), chat.msg(), time.value()));
        byte[] line = codec.encodeLine(new GroupChat(null, sender.id(), sender.name(), chat.groupid(), chat.msg(),
                time.text(), stored.id()));
        for (int member : recipients) {
            if (member != sender.id()) {
                cluster.send(member, stored.id(), line);
            }
        }
        session.acknowledgeWhenCommitted(stored, chat, new GroupChatAck(chat.seq(), stored.id(), time.text()));
    }
}
