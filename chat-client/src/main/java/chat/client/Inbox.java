package chat.client;

import chat.core.ChatCursor;
import chat.core.Message;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@link ChatCursor} of every user logged in since the client started, kept across logouts so that logging
 * in again syncs from where that user was; and the gate chats pushed by the server pass on their way to the
 * screen.
 */
final class Inbox {
    private final LoginState login;
    private final long window;
    private final ConcurrentMap<Integer, ChatCursor> cursors = new ConcurrentHashMap<>();

    /** {@code window}: how far back from the position mids are remembered, in mid units. */
    Inbox(LoginState login, long window) {
        this.login = login;
        this.window = window;
    }

    ChatCursor of(int userId) {
        return cursors.computeIfAbsent(userId, id -> new ChatCursor(window));
    }

    /** False for a chat the logged-in user has already been shown; true for anything else. */
    boolean firstSeen(Message message) {
        return login.me().map(me -> of(me.id()).firstSeen(message)).orElse(true);
    }
}
