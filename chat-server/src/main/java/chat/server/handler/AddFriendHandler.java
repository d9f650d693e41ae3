package chat.server.handler;

import chat.core.ErrorCode;
import chat.core.Message.AddFriend;
import chat.core.Message.AddFriendAck;
import chat.core.ProtocolException;
import chat.server.directory.ContactBook;
import chat.server.directory.ContactEvents;
import chat.server.directory.UserDirectory;
import chat.server.session.Session;
import chat.server.storage.FriendDao;
import chat.server.storage.UserRef;

/** Makes two users friends of each other; the new friend hears of it. */
public final class AddFriendHandler implements Handler<AddFriend> {
    private final UserDirectory users;
    private final FriendDao friends;
    private final ContactBook contacts;
    private final ContactEvents events;

    public AddFriendHandler(UserDirectory users, FriendDao friends, ContactBook contacts, ContactEvents events) {
        this.users = users;
        this.friends = friends;
        this.contacts = contacts;
        this.events = events;
    }

    @Override
    public void handle(Session session, AddFriend request) throws ProtocolException {
        UserRef me = session.currentUser();
        if (request.friendid() == me.id()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "you cannot add yourself as a friend");
        }
        UserRef friend = users.find(request.friendid()).orElseThrow(() ->
                new ProtocolException(ErrorCode.NOT_FOUND, "no user with id " + request.friendid()));
        if (!friends.addMutual(me.id(), friend.id())) {
            throw new ProtocolException(ErrorCode.CONFLICT, "user " + friend.id() + " is already your friend");
        }
        events.friendAdded(me, friend.id());
        if (request.seq() != null) {
            session.reply(new AddFriendAck(request.seq(), contacts.friend(friend)));
        }
    }
}
