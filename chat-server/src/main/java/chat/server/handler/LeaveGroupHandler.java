package chat.server.handler;

import chat.core.ErrorCode;
import chat.core.Message.LeaveGroup;
import chat.core.Message.LeaveGroupAck;
import chat.core.ProtocolException;
import chat.server.directory.ContactEvents;
import chat.server.directory.GroupMembers;
import chat.server.session.Session;
import chat.server.storage.Departure;
import chat.server.storage.GroupDao;
import chat.server.storage.UserRef;

/** Takes the user out of a group; the members who stay hear of it, and of a new creator if there is one. */
public final class LeaveGroupHandler implements Handler<LeaveGroup> {
    private final GroupDao groups;
    private final GroupMembers members;
    private final ContactEvents events;

    public LeaveGroupHandler(GroupDao groups, GroupMembers members, ContactEvents events) {
        this.groups = groups;
        this.members = members;
        this.events = events;
    }

    @Override
    public void handle(Session session, LeaveGroup request) throws ProtocolException {
        UserRef me = session.currentUser();
        Departure departure = members.leave(request.groupid(), me.id()).orElseThrow(() ->
                new ProtocolException(ErrorCode.NOT_FOUND, groups.findById(request.groupid()).isEmpty()
                        ? "no group with id " + request.groupid()
                        : "you are not a member of group " + request.groupid()));
        events.memberLeft(request.groupid(), me, departure);
        if (request.seq() != null) {
            session.reply(new LeaveGroupAck(request.seq(), request.groupid()));
        }
    }
}
