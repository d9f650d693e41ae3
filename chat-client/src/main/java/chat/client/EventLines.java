package chat.client;

import chat.core.Contacts.Friend;
import chat.core.Message;
import chat.core.Message.FriendAdded;
import chat.core.Message.FriendRemoved;
import chat.core.Message.MemberJoined;
import chat.core.Message.MemberLeft;
import chat.core.Message.Presence;
import java.util.Optional;
import org.jline.utils.AttributedString;

/**
 * Events on their way to the screen: a friend added or removed, a member who joined or left a group, a friend
 * online or offline. Each is applied to the contact list first, so the lists, completion, {@code open} and the
 * names in later lines follow it without asking the server; the names it carries are remembered.
 */
final class EventLines {
    private final Renderer renderer;
    private final ContactList contacts;
    private final People people;
    private final LoginState login;

    EventLines(Renderer renderer, ContactList contacts, People people, LoginState login) {
        this.renderer = renderer;
        this.contacts = contacts;
        this.people = people;
        this.login = login;
    }

    /**
     * The line for an event, or empty when the message is not one. An event that comes while nobody is logged in
     * (one the server sent just before a logout) is dropped: there is no contact list for it to change.
     */
    Optional<AttributedString> of(Message message) {
        if (!login.loggedIn()) {
            return Optional.empty();
        }
        return switch (message) {
            case FriendAdded added -> {
                Friend friend = added.friend();
                people.heard(friend.id(), friend.name());
                contacts.put(friend);
                yield Optional.of(renderer.addedYou(friend));
            }
            case FriendRemoved removed -> {
                people.heard(removed.id(), removed.name());
                contacts.removeFriend(removed.id());
                yield Optional.of(renderer.removedYou(removed.id(), removed.name()));
            }
            case MemberJoined joined -> {
                people.heard(joined.member().id(), joined.member().name());
                contacts.putMember(joined.groupid(), joined.member());
                yield Optional.of(renderer.memberJoined(joined.groupid(), contacts.group(joined.groupid()),
                        joined.member()));
            }
            case MemberLeft left -> {
                people.heard(left.id(), left.name());
                contacts.removeMember(left.groupid(), left.id(), left.creator());
                boolean creatorIsYou = left.creator() != null
                        && login.me().map(me -> me.id() == left.creator()).orElse(false);
                Optional<String> creatorName = left.creator() == null ? Optional.empty()
                        : people.name(left.creator());
                yield Optional.of(renderer.memberLeft(left, contacts.group(left.groupid()), creatorName,
                        creatorIsYou));
            }
            case Presence presence -> {
                Friend friend = presence.friend();
                people.heard(friend.id(), friend.name());
                contacts.setState(friend.id(), friend.state());
                yield Optional.of(renderer.presence(friend));
            }
            default -> Optional.empty();
        };
    }
}
