package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.Member;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeopleTest {
    private final LoginState login = new LoginState();
    private final ContactList contacts = new ContactList();
    private final People people = new People(login, contacts);

    @Test
    void namesComeFromTheLoginFriendsGroupMembersAndChatSenders() {
        login.loggedIn(new LoginState.Me(7, "alice"), LoginState.Credentials.of(7, "pw", null));
        contacts.replace(List.of(new Friend(8, "bob", "online")),
                List.of(new Group(1, "devs", "", List.of(new Member(9, "张三", "offline", "normal")))));
        people.heard(10, "carol");
        assertEquals(Optional.of("alice"), people.name(7));
        assertEquals(Optional.of("bob"), people.name(8));
        assertEquals(Optional.of("张三"), people.name(9));
        assertEquals(Optional.of("carol"), people.name(10));
        assertEquals(Optional.empty(), people.name(11));
    }
}
