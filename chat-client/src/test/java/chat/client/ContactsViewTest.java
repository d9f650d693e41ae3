package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.Member;
import java.util.List;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class ContactsViewTest {
    private final ContactsView view = new ContactsView(new Conversations());

    @Test
    void welcomeShowsWhoYouAreFriendsGroupsThenWhatCameWhileYouWereAway() {
        List<Friend> friends = List.of(new Friend(8, "bob", "online"), new Friend(13, "张三", "offline"));
        List<Group> groups = List.of(new Group(1, "devs", "backend folks", List.of(
                new Member(7, "alice", "online", "creator"), new Member(13, "张三", "offline", "normal"))));
        AttributedString welcome = view.welcome(new LoginState.Me(7, "alice"), friends, groups,
                List.of(new AttributedString("2024-05-01 10:00:00 [8]bob said: hi")));
        // Columns line up although 张三 is two characters wide in four terminal columns.
        assertEquals("""
                logged in as alice (id 7)
                Friends (2):
                  [8]bob    online
                  [13]张三  offline
                Groups (1):
                  [1]devs: backend folks
                    [7]alice  creator  online  (you)
                    [13]张三  normal   offline
                While you were away (1):
                  2024-05-01 10:00:00 [8]bob said: hi
                type 'help' for the commands""", welcome.toString());
    }

    @Test
    void conversationsWithUnreadChatsSaySoWhetherFriendOrGroup() {
        Conversations conversations = new Conversations();
        conversations.arrived(Conversation.withUser(8));
        conversations.arrived(Conversation.inGroup(1));
        conversations.arrived(Conversation.inGroup(1));
        ContactsView counting = new ContactsView(conversations);
        assertEquals("""
                Friends (2):
                  [8]bob    online  (1 unread)
                  [13]张三  offline""", counting.friends(List.of(new Friend(8, "bob", "online"),
                new Friend(13, "张三", "offline"))).toString());
        assertEquals("""
                Groups (1):
                  [1]devs: backend folks  (2 unread)
                    [7]alice  creator  online  (you)""", counting.groups(List.of(new Group(1, "devs", "backend folks",
                List.of(new Member(7, "alice", "online", "creator")))), 7).toString());
    }

    @Test
    void emptyListsSayHowToFillThem() {
        assertEquals("Friends: none yet (addfriend NAME)", view.friends(List.of()).toString());
        assertEquals("Groups: none yet (creategroup NAME, joingroup GROUP_ID)", view.groups(List.of(), 7).toString());
    }
}
