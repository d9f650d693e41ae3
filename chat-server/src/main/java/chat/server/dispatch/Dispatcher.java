package chat.server.dispatch;

import chat.core.ErrorCode;
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
import chat.core.Message.Register;
import chat.core.Message.RegisterAck;
import chat.core.Message;
import chat.core.ProtocolException;
import chat.server.session.Session;
import chat.server.session.SessionRegistry;
import chat.server.storage.ConnectionFailures;
import chat.server.storage.UserRef;
import java.time.Duration;
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
    private final SessionRegistry sessions;
    private final DatabaseTrouble outage = new DatabaseTrouble(Duration.ofSeconds(10));

    public Dispatcher(Handlers handlers, SessionRegistry sessions) {
        this.handlers = handlers;
        this.sessions = sessions;
    }

    public void dispatch(Session session, Message message) {
        try {
            route(session, message);
        } catch (ProtocolException e) {
            log.debug("refused {} from {}: {}", message.type(), session, e.getMessage());
            session.reply(new Message.Error(message.seq(), message.type().id(), e.code().code(), e.getMessage()));
        } catch (RuntimeException e) {
            if (ConnectionFailures.isConnectionFailure(e)) {
                outage.failed(e);
            } else {
                log.warn("{} from {} failed", message.type(), session, e);
            }
            session.reply(serverError(message));
        }
    }

    /** The connection is gone: its user, if any, goes offline. */
    public void disconnected(Session session) {
        sessions.close(session);
    }

    private <M extends Message> void route(Session session, M message) throws ProtocolException {
        Handlers.Route<M> route = handlers.routeOf(message);
        if (route == null || route.needsLogin()) {
            UserRef user = session.user().orElseThrow(() -> new ProtocolException(ErrorCode.NOT_LOGGED_IN,
                    "log in first (msgid 1) or register (msgid 4)"));
            Integer claimed = claimedId(message);
            if (claimed != null && claimed != user.id()) {
                throw new ProtocolException(ErrorCode.FORBIDDEN,
                        "this connection is logged in as " + user.id() + ", not " + claimed);
            }
        }
        if (route == null) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE,
                    "msgid " + message.type().id() + " is sent by the server, not to it");
        }
        route.handler().handle(session, message);
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
