package chat.client;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Message;
import chat.core.Message.AddFriendAck;
import chat.core.Message.ContactsAck;
import chat.core.Message.CreateGroupAck;
import chat.core.Message.FindUserAck;
import chat.core.Message.JoinGroupAck;
import chat.core.Message.LeaveGroupAck;
import chat.core.Message.RemoveFriendAck;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.utils.AttributedStringBuilder;

/**
 * addfriend, unfriend, find, creategroup, joingroup, leave, friends and groups; each answer also updates the
 * contact cache. A friend or group named by name is looked up in that cache; a user to befriend by name is looked
 * up on the server.
 */
final class ContactActions {
    private final Exchange exchange;
    private final ContactList contacts;
    private final People people;
    private final Conversations conversations;
    private final LoginState login;
    private final Screen screen;
    private final Renderer renderer;
    private final ContactsView view;

    ContactActions(Exchange exchange, ContactList contacts, People people, Conversations conversations,
                   LoginState login, Screen screen, Renderer renderer, ContactsView view) {
        this.exchange = exchange;
        this.contacts = contacts;
        this.people = people;
        this.conversations = conversations;
        this.login = login;
        this.screen = screen;
        this.renderer = renderer;
        this.view = view;
    }

    /** By name: the server finds the user's id first, and says so if nobody has that name. */
    CompletableFuture<Outcome> addFriend(Command.AddFriend command) {
        Command.Someone user = command.user();
        if (user.id() != null) {
            return addFriend(user.id());
        }
        AtomicInteger found = new AtomicInteger();
        return exchange.ask(seq -> new Message.FindUser(seq, user.name()), FindUserAck.class,
                        ack -> found.set(ack.user().id()))
                .thenCompose(outcome -> outcome == Outcome.DONE ? addFriend(found.get()) : done(outcome));
    }

    private CompletableFuture<Outcome> addFriend(int userId) {
        return exchange.ask(seq -> new Message.AddFriend(seq, null, userId), AddFriendAck.class, ack -> {
            contacts.put(ack.friend());
            screen.show(renderer.friendAdded(ack.friend()));
        });
    }

    /** A friend who is also the open conversation stays open: anyone may be written to. */
    CompletableFuture<Outcome> unfriend(Command.Unfriend command) {
        Optional<Integer> id = friendId(command.friend());
        if (id.isEmpty()) {
            return done(Outcome.FAILED);
        }
        return exchange.ask(seq -> new Message.RemoveFriend(seq, id.get()), RemoveFriendAck.class, ack -> {
            contacts.friend(ack.friendid()).ifPresent(f -> people.heard(f.id(), f.name()));
            contacts.removeFriend(ack.friendid());
            screen.show(renderer.unfriended(ack.friendid(), people.name(ack.friendid())));
        });
    }

    CompletableFuture<Outcome> find(Command.Find command) {
        return exchange.ask(seq -> new Message.FindUser(seq, command.name()), FindUserAck.class, ack -> {
            Friend user = ack.user();
            people.heard(user.id(), user.name());
            Renderer.Relation relation = Renderer.Relation.STRANGER;
            if (login.me().map(me -> me.id() == user.id()).orElse(false)) {
                relation = Renderer.Relation.YOU;
            } else if (contacts.friend(user.id()).isPresent()) {
                relation = Renderer.Relation.FRIEND;
                contacts.setState(user.id(), user.state());
            }
            screen.show(renderer.found(user, relation));
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

    /** Leaving the open conversation's group closes it: plain lines could no longer be sent there. */
    CompletableFuture<Outcome> leave(Command.Leave command) {
        Optional<Integer> id = groupId(command.group());
        if (id.isEmpty()) {
            return done(Outcome.FAILED);
        }
        return exchange.ask(seq -> new Message.LeaveGroup(seq, id.get()), LeaveGroupAck.class, ack -> {
            Optional<Group> group = contacts.group(ack.groupid());
            contacts.removeGroup(ack.groupid());
            boolean wasOpen = conversations.drop(Conversation.inGroup(ack.groupid()));
            screen.show(new AttributedStringBuilder()
                    .append(renderer.leftGroup(ack.groupid(), group))
                    .append(wasOpen ? "; the conversation there is closed, plain lines are commands again" : "")
                    .toAttributedString());
        });
    }

    /**
     * Asks the server rather than showing the cache: events keep friends current, but not the states of group
     * members who are not friends, and a friend whose node was killed is never announced offline.
     */
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

    /** An id is taken as it is (the server knows best); a name must be one friend's, or the user is told. */
    private Optional<Integer> friendId(Command.Someone who) {
        if (who.id() != null) {
            return Optional.of(who.id());
        }
        List<Friend> named = contacts.friends().stream().filter(f -> f.name().equalsIgnoreCase(who.name())).toList();
        return one(named.stream().map(Friend::id).toList(), "friend", who.name(), Verb.UNFRIEND);
    }

    private Optional<Integer> groupId(Command.Someone which) {
        if (which.id() != null) {
            return Optional.of(which.id());
        }
        List<Group> named = contacts.groups().stream()
                .filter(g -> g.groupname().equalsIgnoreCase(which.name())).toList();
        return one(named.stream().map(Group::id).toList(), "group", which.name(), Verb.LEAVE);
    }

    private Optional<Integer> one(List<Integer> ids, String what, String name, Verb verb) {
        if (ids.size() == 1) {
            return Optional.of(ids.getFirst());
        }
        String list = what.equals("friend") ? "friends" : "groups";
        screen.warn(renderer.error(ids.isEmpty()
                ? "no " + what + " named '" + name + "' in your list; '" + list + "' shows them"
                : ids.size() + " " + list + " are named '" + name + "'; say which by id: "
                        + String.join(" or ", ids.stream().map(id -> verb.word() + " " + id).toList())));
        return Optional.empty();
    }

    private static CompletableFuture<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
