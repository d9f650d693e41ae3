package chat.server.dispatch;

import chat.core.Message;
import chat.server.handler.Handler;
import java.util.HashMap;
import java.util.Map;

/**
 * Which handler answers which request, and whether it needs a logged-in session. Built once per node; a new
 * request type is one more line where the node is wired.
 */
public final class Handlers {

    /** A handler and whether its requests need a logged-in session. */
    record Route<M extends Message>(Handler<M> handler, boolean needsLogin) {
    }

    private final Map<Class<? extends Message>, Route<?>> routes = new HashMap<>();

    /** {@code type} is allowed before login (register, login, ping). */
    public <M extends Message> Handlers beforeLogin(Class<M> type, Handler<M> handler) {
        return add(type, new Route<>(handler, false));
    }

    /** {@code type} needs a logged-in session, and may not act for another user. */
    public <M extends Message> Handlers afterLogin(Class<M> type, Handler<M> handler) {
        return add(type, new Route<>(handler, true));
    }

    private <M extends Message> Handlers add(Class<M> type, Route<M> route) {
        if (routes.putIfAbsent(type, route) != null) {
            throw new IllegalArgumentException(type.getSimpleName() + " has a handler already");
        }
        return this;
    }

    /** The route of {@code message}'s type, or null when the server takes no such request. */
    @SuppressWarnings("unchecked")
    <M extends Message> Route<M> routeOf(M message) {
        return (Route<M>) routes.get(message.getClass());
    }
}
