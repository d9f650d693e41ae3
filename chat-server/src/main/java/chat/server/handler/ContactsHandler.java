package chat.server.handler;

import chat.core.Message.ContactsAck;
import chat.core.Message.ContactsRequest;
import chat.server.directory.ContactBook;
import chat.server.session.Session;

/** Answers with the user's friends and groups as they are now, online states included. */
public final class ContactsHandler implements Handler<ContactsRequest> {
    private final ContactBook contacts;

    public ContactsHandler(ContactBook contacts) {
        this.contacts = contacts;
    }

    @Override
    public void handle(Session session, ContactsRequest request) {
        int me = session.currentUser().id();
        session.reply(new ContactsAck(request.seq(), contacts.friendsOf(me), contacts.groupsOf(me)));
    }
}
