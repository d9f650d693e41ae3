package chat.server.dispatch;

import chat.core.ErrorCode;
import chat.core.Message;
import chat.core.Message.AddFriend;
import chat.core.Message.ContactsRequest;
import chat.core.Message.CreateGroup;
import chat.core.Message.GroupChat;
import chat.core.Message.History;
import chat.core.Message.JoinGroup;
import chat.core.Message.Login;
import chat.core.Message.LoginAck;
import chat.core.Message.Logout;
import chat.core.Message.OneChat;
import chat.core.Message.Ping;
import chat.core.Message.Pong;
import chat.core.Message.Register;
import chat.core.Message.RegisterAck;
import chat.core.ProtocolException;
import chat.server.handler.Session;
import chat.server.storage.UserRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each request to its handler, after the checks every request shares: only register, login and ping
 * before login, and no acting for another user. Every refusal becomes an error reply; nothing a client sends
 * escapes as an exception.
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Handlers handlers;

    public Dispatcher(Handlers handlers) {
        this.handlers = handlers;
    }

    public void dispatch(Session session, Message message) {
        try {
            route(session, message);
        } catch (ProtocolException e) {
            log.debug("refused {} from {}: {}", message.type(), session, e.getMessage());
            session.reply(new Message.Error(message.seq(), message.type().id(), e.code().code(), e.getMessage()));
        } catch (RuntimeException e) {
            log.warn("{} from {} failed", message.type(), session, e);
            session.reply(serverError(message));
        }
    }

    /** The original client waits for a login or register ack whatever happens, so those get one. */
    private static Message serverError(Message request) {
        String text = "the server could not complete the request; try again later";
        int code = ErrorCode.SERVER_ERROR.code();
        return switch (request) {
            case Login m -> LoginAck.failed(m.seq(), ErrorCode.SERVER_ERROR, text);
            case Register m -> new RegisterAck(m.seq(), code, text, null);
            default -> new Message.Error(request.seq(), request.type().id(), code, text);
        };
    }

    /** The connection is gone: its user, if any, goes offline. */
    public void disconnected(Session session) {
        handlers.logout().end(session);
    }

    private void route(Session session, Message message) throws ProtocolException {
        switch (message) {
            case Login m -> handlers.login().handle(session, m);
            case Register m -> handlers.register().handle(session, m);
            case Ping m -> session.reply(new Pong(m.seq()));
            default -> routeLoggedIn(session, message, requireUser(session));
        }
    }

    private void routeLoggedIn(Session session, Message message, UserRef user) throws ProtocolException {
        Integer claimed = claimedId(message);
        if (claimed != null && claimed != user.id()) {
            throw new ProtocolException(ErrorCode.FORBIDDEN,
                    "this connection is logged in as " + user.id() + ", not " + claimed);
        }
        switch (message) {
            case Logout m -> handlers.logout().handle(session, m);
            case OneChat m -> handlers.oneChat().handle(session, m);
            case AddFriend m -> handlers.addFriend().handle(session, m);
            case CreateGroup m -> handlers.createGroup().handle(session, m);
            case JoinGroup m -> handlers.joinGroup().handle(session, m);
            case GroupChat m -> handlers.groupChat().handle(session, m);
            case History m -> handlers.history().handle(session, m);
            case ContactsRequest m -> handlers.contacts().handle(session, m);
            default -> throw new ProtocolException(ErrorCode.UNKNOWN_TYPE,
                    "msgid " + message.type().id() + " is sent by the server, not to it");
        }
    }

    private static UserRef requireUser(Session session) throws ProtocolException {
        return session.user().orElseThrow(() ->
                new ProtocolException(ErrorCode.NOT_LOGGED_IN, "log in first (msgid 1) or register (msgid 4)"));
    }

    /** The sender id a request claims, when it carries one. */
    private static Integer claimedId(Message message) {
        return switch (message) {
            case Logout m -> m.id();
            case OneChat m -> m.id();
            case AddFriend m -> m.id();
            case CreateGroup m -> m.id();
            case JoinGroup m -> m.id();
            case GroupChat m -> m.id();
            case History m -> m.id();
            case ContactsRequest m -> m.id();
            default -> null;
        };
    }
}
