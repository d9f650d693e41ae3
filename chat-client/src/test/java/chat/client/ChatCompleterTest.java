package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.Member;
import chat.core.Message.FriendAdded;
import chat.core.Message.FriendRemoved;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

/** alice (7) has a friend bob (8) and is in group "dev team" (3) with carol (9), who is not her friend. */
class ChatCompleterTest {
    private final LoginState login = new LoginState();
    private final ContactList contacts = new ContactList();
    private final ChatCompleter completer = new ChatCompleter(contacts, login);

    ChatCompleterTest() {
        login.loggedIn(new LoginState.Me(7, "alice"), LoginState.Credentials.of(7, null, "token"));
        contacts.replace(List.of(new Friend(8, "bob", "online")), List.of(new Group(3, "dev team", "", List.of(
                new Member(7, "alice", "online", "creator"), new Member(8, "bob", "online", "normal"),
                new Member(9, "carol", "offline", "normal")))));
    }

    @Test
    void commandsThatTakeANameOfferNamesAsWellAsIds() {
        assertEquals(List.of("8", "bob"), complete("unfriend "));
        assertEquals(List.of("3", "\"dev team\""), complete("leave "));
        assertEquals(List.of("8", "3", "bob", "\"dev team\"", "friend", "group"), complete("open "));
        assertEquals(List.of("8", "bob"), complete("open friend "));
        assertEquals(List.of("8"), complete("history friend "), "history takes ids only");
    }

    @Test
    void addfriendOffersGroupMembersWhoAreNotFriendsYet() {
        assertEquals(List.of("carol"), complete("addfriend "));
    }

    @Test
    void eventsChangeWhatIsOfferedWithoutAskingTheServer() {
        EventLines events = new EventLines(new Renderer(new TimeLabel(RendererTest.ANOTHER_DAY)), contacts,
                new People(login, contacts), login);
        events.of(new FriendAdded(null, new Friend(9, "carol", "offline")));
        events.of(new FriendRemoved(null, 8, "bob"));
        assertEquals(List.of("9", "carol"), complete("unfriend "));
        assertEquals(List.of("bob"), complete("addfriend "), "bob is still in the group");
    }

    @Test
    void theNewCommandsAreOfferedOnceLoggedIn() {
        List<String> verbs = complete("");
        assertTrue(verbs.containsAll(List.of("find", "unfriend", "leave", "passwd")), verbs.toString());
        login.loggedOut();
        assertTrue(complete("").contains("login"));
        assertFalse(complete("").contains("passwd"));
    }

    private List<String> complete(String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(line, line.length()), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }
}
