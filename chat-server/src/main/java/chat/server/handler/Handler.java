package chat.server.handler;

import chat.core.Message;
import chat.core.ProtocolException;
import chat.server.session.Session;

/** Handles one message type. A refusal is thrown; the dispatcher turns it into the error reply. */
@FunctionalInterface
public interface Handler<M extends Message> {

    void handle(Session session, M message) throws ProtocolException;
}
