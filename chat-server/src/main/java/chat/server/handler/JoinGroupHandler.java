package chat.server.handler;

import chat.core.ErrorCode;
import chat.core.Message.JoinGroup;
import chat.core.Message.JoinGroupAck;
import chat.core.ProtocolException;
import chat.server.directory.ContactBook;
import chat.server.directory.GroupMembers;
import chat.server.session.Session;
import chat.server.storage.GroupDao;
import chat.server.storage.GroupRow;

/** Adds the user to an existing group as a normal member. */
public final class JoinGroupHandler implements Handler<JoinGroup> {
    private final GroupDao groups;
    private final GroupMembers members;
    private final ContactBook contacts;

    public JoinGroupHandler(GroupDao groups, GroupMembers members, ContactBook contacts) {
        this.groups = groups;
        this.members = members;
        this.contacts = contacts;
    }

    @Override
    public void handle(Session session, JoinGroup request) throws ProtocolException {
        GroupRow group = groups.findById(request.groupid()).orElseThrow(() ->
                new ProtocolException(ErrorCode.NOT_FOUND, "no group with id " + request.groupid()));
        if (!members.join(group.id(), session.currentUser().id())) {
            throw new ProtocolException(ErrorCode.CONFLICT, "you are already a member of group " + group.id());
        }
        if (request.seq() != null) {
            session.reply(new JoinGroupAck(request.seq(), contacts.describe(group)));
        }
    }
}
