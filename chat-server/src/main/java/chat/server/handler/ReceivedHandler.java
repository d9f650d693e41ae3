package chat.server.handler;

import chat.core.Message.Received;
import chat.core.Message.ReceivedAck;
import chat.server.delivery.Mailbox;
import chat.server.session.Session;

/** Notes how far a syncing client has received its chats, so a sync without a position starts there. */
public final class ReceivedHandler implements Handler<Received> {
    private final Mailbox mailbox;

    public ReceivedHandler(Mailbox mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public void handle(Session session, Received received) {
        mailbox.received(session.currentUser().id(), received.mid());
        if (received.seq() != null) {
            session.reply(new ReceivedAck(received.seq()));
        }
    }
}
