package chat.client;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.Member;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Users' names by id, from whatever the client has heard: who is logged in, friends, fellow group members, and
 * the senders of chats. Names never change on the server, so one heard once stays right.
 */
final class People {
    private final LoginState login;
    private final ContactList contacts;
    private final ConcurrentMap<Integer, String> senders = new ConcurrentHashMap<>();

    People(LoginState login, ContactList contacts) {
        this.login = login;
        this.contacts = contacts;
    }

    Optional<String> name(int userId) {
        Optional<String> me = login.me().filter(m -> m.id() == userId).map(LoginState.Me::name);
        if (me.isPresent()) {
            return me;
        }
        Optional<String> friend = contacts.friend(userId).map(Friend::name);
        if (friend.isPresent()) {
            return friend;
        }
        for (Group group : contacts.groups()) {
            for (Member member : group.users()) {
                if (member.id() == userId) {
                    return Optional.of(member.name());
                }
            }
        }
        return Optional.ofNullable(senders.get(userId));
    }

    /** A chat came from {@code userId}, signed {@code name}. */
    void heard(Integer userId, String name) {
        if (userId != null && name != null && !name.isEmpty()) {
            senders.put(userId, name);
        }
    }
}
