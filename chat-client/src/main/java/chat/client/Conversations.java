package chat.client;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The conversation open now, where plain lines are sent, and how many chats arrived in each of the others since
 * the user last had it open or read its history. Chats arrive on the link's threads, the REPL opens and closes.
 */
final class Conversations {
    private final AtomicReference<Conversation> current = new AtomicReference<>();
    private final ConcurrentMap<Conversation, Integer> unread = new ConcurrentHashMap<>();

    Optional<Conversation> current() {
        return Optional.ofNullable(current.get());
    }

    /** Opening a conversation reads it: its unread count starts again from 0. */
    void open(Conversation conversation) {
        current.set(conversation);
        unread.remove(conversation);
    }

    /** The conversation that was open, if one was. */
    Optional<Conversation> close() {
        return Optional.ofNullable(current.getAndSet(null));
    }

    /** A chat from someone else came in {@code conversation}: unread unless it is the open one. */
    void arrived(Conversation conversation) {
        if (!conversation.equals(current.get())) {
            unread.merge(conversation, 1, Integer::sum);
        }
    }

    /** The user has seen the conversation's latest chats, in its history. */
    void read(Conversation conversation) {
        unread.remove(conversation);
    }

    int unread(Conversation conversation) {
        return unread.getOrDefault(conversation, 0);
    }

    /** A conversation the user can no longer have (they left its group): closed if open, its count gone. */
    boolean drop(Conversation conversation) {
        unread.remove(conversation);
        // compareAndSet compares references, and an equal record may be another instance.
        Conversation open = current.get();
        return conversation.equals(open) && current.compareAndSet(open, null);
    }

    /** At logout: nothing is open, nothing unread. */
    void forget() {
        current.set(null);
        unread.clear();
    }
}
