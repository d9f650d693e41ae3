package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.HistoryEntry;
import chat.core.Contacts.Member;
import chat.core.Message.GroupChat;
import chat.core.Message.OneChat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class RendererTest {
    private static final Group DEVS =
            new Group(3, "开发组", "backend", List.of(new Member(7, "alice", "online", "creator")));

    /** A day none of the chats below is from, so their dates are shown. */
    static final Clock ANOTHER_DAY = Clock.fixed(Instant.parse("2030-01-01T12:00:00Z"), ZoneOffset.UTC);

    private final Renderer renderer = new Renderer(new TimeLabel(ANOTHER_DAY));

    @Test
    void oneChatReadsLikeTheOriginalClient() {
        OneChat chat = new OneChat(null, 23, "zhang san", 7, "你好 🎉", "2024-05-01 10:00:00", 41L);
        assertEquals("2024-05-01 10:00:00 [23]zhang san said: 你好 🎉", text(renderer.oneChat(chat)));
    }

    @Test
    void groupChatNamesTheGroupWhenKnown() {
        GroupChat chat = new GroupChat(null, 8, "bob", 3, "hi", "2024-05-01 10:00:00", 42L);
        assertEquals("2024-05-01 10:00:00 [8]bob in group [3]开发组 said: hi",
                text(renderer.groupChat(chat, Optional.of(DEVS))));
        assertEquals("2024-05-01 10:00:00 [8]bob in group [3] said: hi",
                text(renderer.groupChat(chat, Optional.empty())));
    }

    @Test
    void feedbackNamesWhatWasDone() {
        assertEquals("sent to [8]bob at 2024-05-01 10:00:00",
                text(renderer.sentTo(8, Optional.of("bob"), Renderer.Delivery.SENT, "2024-05-01 10:00:00")));
        assertEquals("sent to [9] at t", text(renderer.sentTo(9, Optional.empty(), Renderer.Delivery.SENT, "t")));
        assertEquals("kept for [8]bob (offline; they get it when they log in) at t",
                text(renderer.sentTo(8, Optional.of("bob"), Renderer.Delivery.KEPT, "t")));
        assertEquals("sent to [7]alice (yourself) at t",
                text(renderer.sentTo(7, Optional.of("alice"), Renderer.Delivery.TO_YOURSELF, "t")));
        assertEquals("sent to group [3]开发组 at t", text(renderer.sentToGroup(3, Optional.of(DEVS), "t")));
        assertEquals("[8]bob is now your friend (offline)",
                text(renderer.friendAdded(new Friend(8, "bob", "offline"))));
        assertEquals("created group [3]开发组; others join with: joingroup 3", text(renderer.groupCreated(DEVS)));
        assertEquals("joined group [3]开发组 (1 member)", text(renderer.groupJoined(DEVS)));
    }

    @Test
    void aUserFoundByNameIsShownWithWhatTheyAreToYou() {
        assertEquals("[8]bob (online): your friend",
                text(renderer.found(new Friend(8, "bob", "online"), Renderer.Relation.FRIEND)));
        assertEquals("[7]alice (online): that is you",
                text(renderer.found(new Friend(7, "alice", "online"), Renderer.Relation.YOU)));
        assertEquals("[9]John Doe (offline): not your friend; addfriend \"John Doe\" to change that",
                text(renderer.found(new Friend(9, "John Doe", "offline"), Renderer.Relation.STRANGER)));
        assertEquals("[10]2024 (offline): not your friend; addfriend \"2024\" to change that",
                text(renderer.found(new Friend(10, "2024", "offline"), Renderer.Relation.STRANGER)),
                "a name of digits is quoted, or addfriend would read it as an id");
    }

    @Test
    void endingAFriendshipOrLeavingAGroupNamesThem() {
        assertEquals("[8]bob is no longer your friend, nor you theirs",
                text(renderer.unfriended(8, Optional.of("bob"))));
        assertEquals("left group [3]开发组", text(renderer.leftGroup(3, Optional.of(DEVS))));
        assertEquals("left group [4]", text(renderer.leftGroup(4, Optional.empty())));
    }

    @Test
    void historyIsShownOldestFirstWithAPagingHint() {
        List<HistoryEntry> newestFirst = List.of(
                new HistoryEntry(12, 8, "bob", 7, null, "second", "2024-05-01 10:00:02"),
                new HistoryEntry(11, 7, "alice", 8, null, "first", "2024-05-01 10:00:01"));
        AttributedString title = renderer.historyTitle(new Command.History(Command.Target.FRIEND, 8, null),
                Optional.of("bob"), Optional.empty());
        assertEquals("""
                messages with [8]bob, oldest first:
                  2024-05-01 10:00:01 [7]alice: first
                  2024-05-01 10:00:02 [8]bob: second
                (type 'more' for older messages)""", text(renderer.history(title, newestFirst, true, true)));
        assertEquals("no messages with [8]bob", text(renderer.history(title, List.of(), true, false)));
        assertEquals("no older messages with [8]bob", text(renderer.history(title, List.of(), false, false)));
    }

    @Test
    void todaysChatsAreShownWithoutTheirDate() {
        Renderer onTheDay = new Renderer(new TimeLabel(Clock.fixed(Instant.parse("2024-05-01T23:00:00Z"),
                ZoneOffset.UTC)));
        OneChat chat = new OneChat(null, 23, "zhang san", 7, "hi", "2024-05-01 10:00:00", 41L);
        assertEquals("10:00:00 [23]zhang san said: hi", text(onTheDay.oneChat(chat)));
        assertEquals("sent to [8]bob at 10:00:00",
                text(onTheDay.sentTo(8, Optional.of("bob"), Renderer.Delivery.SENT, "2024-05-01 10:00:00")));
        assertEquals("sent to [8]bob at 2024-04-30 23:59:59",
                text(onTheDay.sentTo(8, Optional.of("bob"), Renderer.Delivery.SENT, "2024-04-30 23:59:59")));
    }

    @Test
    void usageShowsTheProblemThenTheSyntax() {
        assertEquals("error: missing the message\nusage: chat FRIEND_ID MESSAGE",
                text(renderer.usage(new Command.Invalid("missing the message", "usage: chat FRIEND_ID MESSAGE"))));
    }

    @Test
    void errorsAreMarkedAndColouredButReadablePlain() {
        AttributedString error = renderer.error("id or password is invalid!");
        assertEquals("error: id or password is invalid!", text(error));
        assertTrue(error.toAnsi().contains("\u001b["), "coloured on a terminal");
        assertEquals("* reconnected", text(renderer.notice("reconnected")));
    }

    /** What a plain frontend prints. */
    private static String text(AttributedString s) {
        return s.toString();
    }
}
