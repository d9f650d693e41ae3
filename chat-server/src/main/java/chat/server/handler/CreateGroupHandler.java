package chat.server.handler;

import chat.core.ErrorCode;
import chat.core.Message.CreateGroup;
import chat.core.Message.CreateGroupAck;
import chat.core.ProtocolException;
import chat.server.directory.ContactBook;
import chat.server.session.Session;
import chat.server.storage.GroupDao;
import chat.server.storage.GroupRow;
import chat.server.storage.MessageIds;
import java.time.Clock;

/** Creates a group with its creator as the first member, role creator. */
public final class CreateGroupHandler implements Handler<CreateGroup> {
    private final GroupDao groups;
    private final ContactBook contacts;
    private final Clock clock;

    public CreateGroupHandler(GroupDao groups, ContactBook contacts, Clock clock) {
        this.groups = groups;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Override
    public void handle(Session session, CreateGroup request) throws ProtocolException {
        String desc = request.groupdesc() == null ? "" : request.groupdesc();
        long from = MessageIds.positionAt(clock.millis());
        GroupRow group = groups.create(request.groupname(), desc, session.currentUser().id(), from).orElseThrow(() ->
                new ProtocolException(ErrorCode.CONFLICT,
                        "a group named '" + request.groupname() + "' already exists"));
        if (request.seq() != null) {
            session.reply(new CreateGroupAck(request.seq(), contacts.describe(group)));
        }
    }
}
