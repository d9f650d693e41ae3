package chat.client;

import chat.core.Contacts;
import chat.core.Message;
import chat.core.Message.GroupChatAck;
import chat.core.Message.OneChatAck;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * chat and groupchat. While the {@link ChatQueue} holds (the connection is down, or back but not yet logged in),
 * a chat is queued instead, with a mark saying so, and sent once the user is logged back in.
 */
final class ChatActions {
    private final Exchange exchange;
    private final ContactList contacts;
    private final People people;
    private final LoginState login;
    private final ChatQueue queue;
    private final Screen screen;
    private final Renderer renderer;

    ChatActions(Exchange exchange, ContactList contacts, People people, LoginState login, ChatQueue queue,
                Screen screen, Renderer renderer) {
        this.exchange = exchange;
        this.contacts = contacts;
        this.people = people;
        this.login = login;
        this.queue = queue;
        this.screen = screen;
        this.renderer = renderer;
    }

    CompletableFuture<Outcome> chat(Command.Chat command) {
        return queue.offer(command) ? queued(command) : send(command, false);
    }

    CompletableFuture<Outcome> groupChat(Command.GroupChat command) {
        return queue.offer(command) ? queued(command) : send(command, false);
    }

    /**
     * Sends what was queued, one chat after another so they keep their order, once the user is logged back in.
     * Runs on a thread that may wait; stops if the connection is lost again, leaving the rest for next time.
     */
    void sendQueued() {
        long round = queue.round();
        for (Optional<Command.Outgoing> next = queue.next(round); next.isPresent(); next = queue.next(round)) {
            if (send(next.get(), true).join() == Outcome.FAILED) {
                queue.failed();
            }
        }
    }

    /** Gives up what was queued, saying so; {@link Outcome#FAILED} when anything was. */
    Outcome dropQueued(String why) {
        List<Command.Outgoing> dropped = queue.drop();
        for (Command.Outgoing chat : dropped) {
            screen.warn(renderer.error("not sent (" + why + "): " + recipient(chat) + ": " + chat.text()));
        }
        return dropped.isEmpty() ? Outcome.DONE : Outcome.FAILED;
    }

    private CompletableFuture<Outcome> queued(Command.Outgoing chat) {
        screen.show(new AttributedStringBuilder().append("queued for ").append(recipient(chat))
                .append(" (not connected; sent once logged back in, 'reconnect' tries now)").toAttributedString());
        return CompletableFuture.completedFuture(Outcome.DONE);
    }

    private CompletableFuture<Outcome> send(Command.Outgoing chat, boolean wasQueued) {
        return switch (chat) {
            case Command.Chat one -> exchange.ask(
                    seq -> new Message.OneChat(seq, null, null, one.friendId(), one.text(), null, null),
                    OneChatAck.class, ack -> screen.show(marked(renderer.sentTo(one.friendId(),
                            people.name(one.friendId()), delivery(one.friendId()), ack.time()), wasQueued)));
            case Command.GroupChat group -> exchange.ask(
                    seq -> new Message.GroupChat(seq, null, null, group.groupId(), group.text(), null, null),
                    GroupChatAck.class, ack -> screen.show(marked(renderer.sentToGroup(group.groupId(),
                            contacts.group(group.groupId()), ack.time()), wasQueued)));
        };
    }

    private static AttributedString marked(AttributedString sent, boolean wasQueued) {
        return wasQueued ? new AttributedStringBuilder().append(sent).append(" (was queued)").toAttributedString()
                : sent;
    }

    private AttributedString recipient(Command.Outgoing chat) {
        return switch (chat) {
            case Command.Chat one -> renderer.user(one.friendId(), people.name(one.friendId()));
            case Command.GroupChat group -> renderer.group(group.groupId(), contacts.group(group.groupId()));
        };
    }

    private Renderer.Delivery delivery(int userId) {
        if (login.me().map(me -> me.id() == userId).orElse(false)) {
            return Renderer.Delivery.TO_YOURSELF;
        }
        boolean offline = contacts.friend(userId).map(f -> Contacts.OFFLINE.equals(f.state())).orElse(false);
        return offline ? Renderer.Delivery.KEPT : Renderer.Delivery.SENT;
    }
}
