package chat.server.handler;

import chat.core.ErrorCode;
import chat.core.Message.JoinGroup;
import chat.core.Message.JoinGroupAck;
import chat.core.ProtocolException;
import chat.server.directory.ContactBook;
import chat.server.directory.ContactEvents;
import chat.server.directory.GroupMembers;
import chat.server.session.Session;
import chat.server.storage.GroupDao;
import chat.server.storage.GroupRow;
import chat.server.storage.UserRef;

/** Adds the user to an existing group as a normal member; the other members hear of it. */
public final class JoinGroupHandler implements Handler<JoinGroup> {
    private final GroupDao groups;
    private final GroupMembers members;
    private final ContactBook contacts;
    private final ContactEvents events;

    public JoinGroupHandler(GroupDao groups, GroupMembers members, ContactBook contacts, ContactEvents events) {
        this.groups = groups;
        this.members = members;
        this.contacts = contacts;
        this.events = events;
    }

    @Override
    public void handle(Session session, JoinGroup request) throws ProtocolException {
        GroupRow group = groups.findById(request.groupid()).orElseThrow(() ->
                new ProtocolException(ErrorCode.NOT_FOUND, "no group with id " + request.groupid()));
        UserRef me = session.currentUser();
        if (!members.join(group.id(), me.id())) {
            throw new ProtocolException(ErrorCode.CONFLICT, "you are already a member of group " + group.id());
        }
        events.memberJoined(group.id(), me);
        if (request.seq() != null) {
            session.reply(new JoinGroupAck(request.seq(), contacts.describe(group)));
        }
    }
}
