package chat.client;

import chat.core.Message;
import chat.core.Message.AddFriendAck;
import chat.core.Message.ContactsAck;
import chat.core.Message.CreateGroupAck;
import chat.core.Message.JoinGroupAck;
import java.util.concurrent.CompletableFuture;

/** addfriend, creategroup, joingroup, friends and groups; each answer also refreshes the contact cache. */
final class ContactActions {
    private final Exchange exchange;
    private final ContactList contacts;
    private final LoginState login;
    private final Screen screen;
    private final Renderer renderer;
    private final ContactsView view;

    ContactActions(Exchange exchange, ContactList contacts, LoginState login, Screen screen, Renderer renderer,
                   ContactsView view) {
        this.exchange = exchange;
        this.contacts = contacts;
        this.login = login;
        this.screen = screen;
        this.renderer = renderer;
        this.view = view;
    }

    CompletableFuture<Outcome> addFriend(Command.AddFriend command) {
        return exchange.ask(seq -> new Message.AddFriend(seq, null, command.userId()), AddFriendAck.class, ack -> {
            contacts.put(ack.friend());
            screen.show(renderer.friendAdded(ack.friend()));
        });
    }

    CompletableFuture<Outcome> createGroup(Command.CreateGroup command) {
        return exchange.ask(seq -> new Message.CreateGroup(seq, null, command.name(), command.description()),
                CreateGroupAck.class, ack -> {
                    contacts.put(ack.group());
                    screen.show(renderer.groupCreated(ack.group()));
                });
    }

    CompletableFuture<Outcome> joinGroup(Command.JoinGroup command) {
        return exchange.ask(seq -> new Message.JoinGroup(seq, null, command.groupId()), JoinGroupAck.class, ack -> {
            contacts.put(ack.group());
            screen.show(renderer.groupJoined(ack.group()));
        });
    }

    /** Asks the server rather than showing the cache: online states change without notice. */
    CompletableFuture<Outcome> friends() {
        return refresh(() -> screen.show(view.friends(contacts.friends())));
    }

    CompletableFuture<Outcome> groups() {
        int me = login.me().map(LoginState.Me::id).orElse(0);
        return refresh(() -> screen.show(view.groups(contacts.groups(), me)));
    }

    private CompletableFuture<Outcome> refresh(Runnable show) {
        return exchange.ask(seq -> new Message.ContactsRequest(seq, null), ContactsAck.class, ack -> {
            contacts.replace(ack.friends(), ack.groups());
            show.run();
        });
    }
}
