package chat.server.handler;

import chat.core.ErrorCode;
import chat.core.Limits;
import chat.core.Message.History;
import chat.core.Message.HistoryAck;
import chat.core.ProtocolException;
import chat.server.delivery.StoredChats;
import chat.server.session.Session;
import chat.server.storage.ChatMessageDao;
import chat.server.storage.ChatRow;
import chat.server.storage.GroupDao;
import java.util.List;

/** Pages back through a conversation with one user, or through a group the user belongs to. */
public final class HistoryHandler implements Handler<History> {
    private final ChatMessageDao history;
    private final GroupDao groups;

    public HistoryHandler(ChatMessageDao history, GroupDao groups) {
        this.history = history;
        this.groups = groups;
    }

    @Override
    public void handle(Session session, History request) throws ProtocolException {
        int me = session.currentUser().id();
        long before = request.before() == null ? Long.MAX_VALUE : request.before();
        int limit = request.limit() == null ? Limits.DEFAULT_HISTORY_PAGE : request.limit();
        List<ChatRow> rows;
        if (request.with() != null) {
            rows = history.conversation(me, request.with(), before, limit);
        } else {
            if (!groups.isMember(request.groupid(), me)) {
                throw new ProtocolException(ErrorCode.FORBIDDEN,
                        "you are not a member of group " + request.groupid());
            }
            rows = history.groupHistory(request.groupid(), before, limit);
        }
        session.reply(new HistoryAck(request.seq(), rows.stream().map(StoredChats::entry).toList()));
    }
}
