package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptTest {
    private final LoginState login = new LoginState();
    private final ContactList contacts = new ContactList();
    private final Conversations conversations = new Conversations();
    private final Prompt prompt = new Prompt(login, conversations, new People(login, contacts), contacts);

    @Test
    void saysWhoIsLoggedInAndWherePlainLinesGo() {
        assertEquals("chat> ", prompt.text());
        login.loggedIn(new LoginState.Me(7, "alice"), LoginState.Credentials.of(7, "pw", null));
        contacts.replace(List.of(new Friend(8, "bob", "online")), List.of(new Group(8, "开发组", "", List.of())));
        assertEquals("alice> ", prompt.text());
        conversations.open(Conversation.withUser(8));
        assertEquals("alice@bob> ", prompt.text());
        conversations.open(Conversation.inGroup(8));
        assertEquals("alice@#开发组> ", prompt.text());
        conversations.open(Conversation.withUser(99));
        assertEquals("alice@[99]> ", prompt.text(), "a user whose name was never heard");
    }
}
