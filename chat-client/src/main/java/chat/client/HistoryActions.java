package chat.client;

import chat.core.Contacts.HistoryEntry;
import chat.core.Message;
import chat.core.Message.HistoryAck;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.utils.AttributedString;

/** history and more: a conversation's stored chats, a page at a time, newest page first. */
final class HistoryActions {
    static final int PAGE = 20;

    /** Where {@code more} continues: the last history query and the oldest message id it has shown. */
    private record Cursor(int owner, Command.History query, int limit, Long before, boolean exhausted) {
    }

    private final Exchange exchange;
    private final ContactList contacts;
    private final People people;
    private final Conversations conversations;
    private final LoginState login;
    private final Screen screen;
    private final Renderer renderer;
    private final AtomicReference<Cursor> cursor = new AtomicReference<>();

    HistoryActions(Exchange exchange, ContactList contacts, People people, Conversations conversations,
                   LoginState login, Screen screen, Renderer renderer) {
        this.exchange = exchange;
        this.contacts = contacts;
        this.people = people;
        this.conversations = conversations;
        this.login = login;
        this.screen = screen;
        this.renderer = renderer;
    }

    /** Reading a conversation's history reads what was unread in it. */
    CompletableFuture<Outcome> history(Command.History command) {
        conversations.read(new Conversation(command.target(), command.id()));
        return page(command, command.count() != null ? command.count() : PAGE, null);
    }

    CompletableFuture<Outcome> more() {
        Cursor last = cursor.get();
        if (last == null || last.owner() != myId()) {
            screen.warn(renderer.error("nothing to page through yet: start with history friend|group ID"));
            return CompletableFuture.completedFuture(Outcome.FAILED);
        }
        if (last.exhausted()) {
            screen.show(renderer.history(title(last.query()), List.of(), false, false));
            return CompletableFuture.completedFuture(Outcome.DONE);
        }
        return page(last.query(), last.limit(), last.before());
    }

    private CompletableFuture<Outcome> page(Command.History query, int limit, Long before) {
        boolean friend = query.target() == Command.Target.FRIEND;
        return exchange.ask(seq -> new Message.History(seq, null, friend ? query.id() : null,
                        friend ? null : query.id(), before, limit),
                HistoryAck.class, ack -> {
                    List<HistoryEntry> newestFirst = ack.messages();
                    boolean full = newestFirst.size() >= limit;
                    // Not a conditional expression: with a long on one side it would unbox a null before.
                    Long oldest = before;
                    if (!newestFirst.isEmpty()) {
                        oldest = newestFirst.getLast().mid();
                    }
                    cursor.set(new Cursor(myId(), query, limit, oldest, !full));
                    screen.show(renderer.history(title(query), newestFirst, before == null, full));
                });
    }

    private AttributedString title(Command.History query) {
        return renderer.historyTitle(query, people.name(query.id()), contacts.group(query.id()));
    }

    private int myId() {
        return login.me().map(LoginState.Me::id).orElse(0);
    }
}
