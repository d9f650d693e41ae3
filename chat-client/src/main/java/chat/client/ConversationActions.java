package chat.client;

import chat.client.Command.Target;
import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * open, close, and the plain lines said in the open conversation. {@code open} finds who is meant in the contact
 * list, by id or name: friends and groups share ids, so one that is both must be said with {@code friend} or
 * {@code group}; with one of those an id outside the lists works too (the server lets anyone be written to).
 */
final class ConversationActions {
    private final Conversations conversations;
    private final ContactList contacts;
    private final People people;
    private final ChatActions chats;
    private final Screen screen;
    private final Renderer renderer;

    ConversationActions(Conversations conversations, ContactList contacts, People people, ChatActions chats,
                        Screen screen, Renderer renderer) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.people = people;
        this.chats = chats;
        this.screen = screen;
        this.renderer = renderer;
    }

    CompletableFuture<Outcome> open(Command.Open command) {
        List<Conversation> found = find(command.target(), command.who());
        if (found.size() != 1) {
            screen.warn(renderer.error(notFound(command, found)));
            return done(Outcome.FAILED);
        }
        Conversation conversation = found.getFirst();
        int unread = conversations.unread(conversation);
        conversations.open(conversation);
        screen.show(renderer.info("talking " + label(conversation) + unreadNote(conversation, unread)
                + ": plain lines are sent there, /COMMAND or a command word runs a command, 'close' ends it"));
        return done(Outcome.DONE);
    }

    private static String unreadNote(Conversation conversation, int unread) {
        if (unread == 0) {
            return "";
        }
        String history = "history " + (conversation.isGroup() ? "group " : "friend ") + conversation.id();
        return " (" + unread + " unread above; '" + history + " " + unread + "' shows them again)";
    }

    CompletableFuture<Outcome> close() {
        screen.show(renderer.info(conversations.close()
                .map(c -> "left the conversation " + label(c) + "; plain lines are commands again")
                .orElse("no conversation was open")));
        return done(Outcome.DONE);
    }

    CompletableFuture<Outcome> say(Command.Say line) {
        return conversations.current()
                .map(c -> c.isGroup() ? chats.groupChat(new Command.GroupChat(c.id(), line.text()))
                        : chats.chat(new Command.Chat(c.id(), line.text())))
                .orElseGet(() -> {
                    screen.warn(renderer.error("no conversation is open: open friend|group ID first"));
                    return done(Outcome.FAILED);
                });
    }

    /** {@code with [8]bob} or {@code in group [3]devs}. */
    String label(Conversation conversation) {
        if (conversation.isGroup()) {
            return "in group [" + conversation.id() + "]"
                    + contacts.group(conversation.id()).map(Group::groupname).orElse("");
        }
        return "with [" + conversation.id() + "]" + people.name(conversation.id()).orElse("");
    }

    /** Friends and groups that {@code who} names by id or name; an explicit target with an id needs no list. */
    private List<Conversation> find(Target target, String who) {
        Integer id = number(who);
        List<Conversation> found = new ArrayList<>();
        if (target != Target.GROUP) {
            for (Friend friend : contacts.friends()) {
                if (id != null ? friend.id() == id : friend.name().equalsIgnoreCase(who)) {
                    found.add(Conversation.withUser(friend.id()));
                }
            }
        }
        if (target != Target.FRIEND) {
            for (Group group : contacts.groups()) {
                if (id != null ? group.id() == id : group.groupname().equalsIgnoreCase(who)) {
                    found.add(Conversation.inGroup(group.id()));
                }
            }
        }
        if (found.isEmpty() && target != null && id != null) {
            found.add(new Conversation(target, id));
        }
        return found;
    }

    private String notFound(Command.Open command, List<Conversation> found) {
        String who = "'" + command.who() + "'";
        if (!found.isEmpty()) {
            return who + " could be " + String.join(" or ", found.stream().map(this::label).toList())
                    + "; say which: open friend ID, or open group ID";
        }
        if (command.target() == null) {
            return "no friend or group " + who + " in your lists"
                    + (number(command.who()) != null ? "; 'open friend " + command.who() + "' talks to any user" : "");
        }
        return "no " + command.target().name().toLowerCase(Locale.ROOT) + " " + who + " in your lists";
    }

    private static Integer number(String text) {
        try {
            int id = Integer.parseInt(text);
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static CompletableFuture<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
