package chat.server.handler;

import chat.core.ErrorCode;
import chat.core.Message.FindUser;
import chat.core.Message.FindUserAck;
import chat.core.ProtocolException;
import chat.server.directory.ContactBook;
import chat.server.directory.UserDirectory;
import chat.server.session.Session;
import chat.server.storage.UserRef;

/** Finds a user by name, so a client can act on names where the protocol takes ids (add a friend, chat). */
public final class FindUserHandler implements Handler<FindUser> {
    private final UserDirectory users;
    private final ContactBook contacts;

    public FindUserHandler(UserDirectory users, ContactBook contacts) {
        this.users = users;
        this.contacts = contacts;
    }

    @Override
    public void handle(Session session, FindUser request) throws ProtocolException {
        UserRef user = users.findByName(request.name()).orElseThrow(() ->
                new ProtocolException(ErrorCode.NOT_FOUND, "no user named '" + request.name() + "'"));
        session.reply(new FindUserAck(request.seq(), contacts.friend(user)));
    }
}
