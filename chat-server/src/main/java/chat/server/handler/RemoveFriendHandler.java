package chat.server.handler;

import chat.core.ErrorCode;
import chat.core.Message.RemoveFriend;
import chat.core.Message.RemoveFriendAck;
import chat.core.ProtocolException;
import chat.server.directory.ContactEvents;
import chat.server.session.Session;
import chat.server.storage.FriendDao;
import chat.server.storage.UserRef;

/** Ends a friendship both ways; the former friend hears of it. */
public final class RemoveFriendHandler implements Handler<RemoveFriend> {
    private final FriendDao friends;
    private final ContactEvents events;

    public RemoveFriendHandler(FriendDao friends, ContactEvents events) {
        this.friends = friends;
        this.events = events;
    }

    @Override
    public void handle(Session session, RemoveFriend request) throws ProtocolException {
        UserRef me = session.currentUser();
        if (!friends.removeMutual(me.id(), request.friendid())) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "user " + request.friendid() + " is not your friend");
        }
        events.friendRemoved(me, request.friendid());
        if (request.seq() != null) {
            session.reply(new RemoveFriendAck(request.seq(), request.friendid()));
        }
    }
}
