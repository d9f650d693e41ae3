package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.Member;
import chat.core.Message;
import chat.core.Message.FriendAdded;
import chat.core.Message.FriendRemoved;
import chat.core.Message.MemberJoined;
import chat.core.Message.MemberLeft;
import chat.core.Message.Presence;
import java.util.List;
import java.util.Optional;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/** alice (7) has a friend bob (8) and a group devs (3) of alice, bob and carol (9), created by bob. */
class EventLinesTest {
    private final LoginState login = new LoginState();
    private final ContactList contacts = new ContactList();
    private final People people = new People(login, contacts);
    private final EventLines events = new EventLines(new Renderer(new TimeLabel(RendererTest.ANOTHER_DAY)), contacts,
            people, login);

    EventLinesTest() {
        login.loggedIn(new LoginState.Me(7, "alice"), LoginState.Credentials.of(7, null, "token"));
        contacts.replace(List.of(new Friend(8, "bob", "online")), List.of(new Group(3, "devs", "", List.of(
                new Member(8, "bob", "online", "creator"), new Member(7, "alice", "online", "normal"),
                new Member(9, "carol", "offline", "normal")))));
    }

    @Test
    void aNewFriendIsShownAndListedWithTheirState() {
        assertEquals("[10]张三 added you as a friend (online)",
                line(new FriendAdded(null, new Friend(10, "张三", "online"))));
        assertEquals(List.of(new Friend(8, "bob", "online"), new Friend(10, "张三", "online")), contacts.friends());
    }

    @Test
    void aFormerFriendLeavesTheListButKeepsTheirName() {
        assertEquals("[8]bob removed you as a friend", line(new FriendRemoved(null, 8, "bob")));
        assertEquals(List.of(), contacts.friends());
        assertEquals(Optional.of("bob"), people.name(8), "named in later lines, such as a chat from them");
    }

    @Test
    void presenceChangesTheFriendAndTheSameUserAsAGroupMember() {
        assertEquals("[8]bob is offline", line(new Presence(null, new Friend(8, "bob", "offline"))));
        assertEquals("offline", contacts.friend(8).orElseThrow().state());
        assertEquals("offline", member(8).state());
        assertEquals("[8]bob is online", line(new Presence(null, new Friend(8, "bob", "online"))));
        assertEquals("online", member(8).state());
    }

    @Test
    void aMemberWhoJoinsIsAddedToTheGroup() {
        assertEquals("[11]dave joined group [3]devs",
                line(new MemberJoined(null, 3, new Member(11, "dave", "online", "normal"))));
        assertEquals(List.of(8, 7, 9, 11), contacts.group(3).orElseThrow().users().stream().map(Member::id).toList());
        assertEquals(Optional.of("dave"), people.name(11));
    }

    @Test
    void aMemberWhoLeavesIsTakenOutAndANewCreatorNamed() {
        assertEquals("[9]carol left group [3]devs", line(new MemberLeft(null, 3, 9, "carol", null)));
        assertEquals("[8]bob left group [3]devs; you are its creator now",
                line(new MemberLeft(null, 3, 8, "bob", 7)));
        assertEquals(List.of(new Member(7, "alice", "online", "creator")), contacts.group(3).orElseThrow().users());
    }

    @Test
    void anotherMemberWhoBecomesCreatorIsNamed() {
        contacts.putMember(3, new Member(11, "dave", "online", "normal"));
        assertEquals("[8]bob left group [3]devs; [11]dave is its creator now",
                line(new MemberLeft(null, 3, 8, "bob", 11)));
        assertEquals("creator", member(11).role());
    }

    @Test
    void anEventForAGroupNotInTheListStillNamesWhatItCan() {
        assertEquals("[11]dave joined group [99]",
                line(new MemberJoined(null, 99, new Member(11, "dave", "online", "normal"))));
        assertEquals(List.of(3), contacts.groups().stream().map(Group::id).toList());
    }

    @Test
    void chatsAreNotEventsAndNobodyLoggedInHearsNone() {
        assertEquals(Optional.empty(), events.of(new Message.OneChat(null, 8, "bob", 7, "hi", "t", 1L)));
        login.loggedOut();
        contacts.clear();
        assertEquals(Optional.empty(), events.of(new FriendAdded(null, new Friend(10, "张三", "online"))));
        assertEquals(List.of(), contacts.friends());
    }

    private String line(Message event) {
        return events.of(event).map(AttributedString::toString).orElseThrow();
    }

    private Member member(int id) {
        return contacts.group(3).orElseThrow().users().stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }
}
