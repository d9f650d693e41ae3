package chat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.core.Message.GroupChat;
import chat.core.Message.OneChat;
import chat.core.Message.Pong;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChatCursorTest {
    private static final long SECOND = ChatCursor.span(Duration.ofSeconds(1));
    private static final long REWIND = 10 * SECOND;
    /** A mid of 2026, as a server stamps it. */
    private static final long NOW = ChatCursor.span(Duration.ofDays(400));

    private final ChatCursor cursor = new ChatCursor(60 * SECOND);

    @Test
    void aChatIsSeenOnceWhicheverWayItComes() {
        assertTrue(cursor.firstSeen(new OneChat(null, 8, "bob", 7, "hi", "t", NOW)));
        assertFalse(cursor.firstSeen(NOW), "the same chat again in a sync page");
        assertTrue(cursor.firstSeen(new GroupChat(null, 8, "bob", 3, "hi all", "t", NOW + 1)));
        assertFalse(cursor.firstSeen(new GroupChat(null, 8, "bob", 3, "hi all", "t", NOW + 1)));
    }

    @Test
    void aChatWithoutMidAndAnythingElseAlwaysPass() {
        OneChat noMid = new OneChat(null, 8, "bob", 7, "hi", "t", null);
        assertTrue(cursor.firstSeen(noMid));
        assertTrue(cursor.firstSeen(noMid));
        assertTrue(cursor.firstSeen(new Pong(1)));
    }

    @Test
    void thePositionIsTheHighestMidThoughChatsArriveOutOfOrder() {
        assertEquals(OptionalLong.empty(), cursor.position());
        cursor.firstSeen(NOW + 5);
        assertTrue(cursor.firstSeen(NOW + 3), "an earlier chat from another node, late");
        assertEquals(OptionalLong.of(NOW + 5), cursor.position());
    }

    @Test
    void theFirstSyncStartsFromTheServersRecordAndLaterOnesTenSecondsBeforeThePosition() {
        cursor.firstSeen(NOW);
        assertNull(cursor.syncFrom(REWIND), "nothing has been synced yet, though a chat came live");
        cursor.beginSync(null);
        cursor.endSync(null, true);
        assertEquals(NOW - REWIND, cursor.syncFrom(REWIND));
    }

    @Test
    void aServerRecordOlderThanThePositionMovesTheNextSyncBackAndOldChatsFromThereOnCountAsNew() {
        cursor.beginSync(null);
        cursor.endSync(null, true);
        cursor.firstSeen(NOW);
        cursor.firstSeen(NOW + 100 * SECOND);
        assertFalse(cursor.firstSeen(NOW + SECOND), "below the remembered window: counts as seen");

        cursor.beginSync(NOW);
        assertEquals(NOW, cursor.syncFrom(REWIND), "the server knows a chat after there missed us");
        assertTrue(cursor.firstSeen(NOW + SECOND), "so chats from there on are new again");
        cursor.endSync(NOW, true);

        cursor.beginSync(null);
        assertEquals(NOW + 90 * SECOND, cursor.syncFrom(REWIND), "used once it has been read to the end");
    }

    @Test
    void aSyncThatDidNotReadToTheEndIsTakenUpWhereItStarted() {
        cursor.beginSync(null);
        cursor.endSync(null, true);
        cursor.firstSeen(NOW);
        cursor.beginSync(null);
        cursor.firstSeen(NOW + 60 * SECOND);
        cursor.endSync(NOW - REWIND, false);
        assertEquals(NOW - REWIND, cursor.syncFrom(REWIND));
    }

    @Test
    void midsFallingOutOfTheWindowAreForgottenAndCountAsSeen() {
        cursor.beginSync(null);
        cursor.endSync(null, true);
        cursor.firstSeen(NOW);
        cursor.firstSeen(NOW + 30 * SECOND);
        assertEquals(2, cursor.remembered());
        cursor.firstSeen(NOW + 61 * SECOND);
        assertEquals(2, cursor.remembered());
        assertFalse(cursor.firstSeen(NOW - SECOND), "older than the window: a chat this client had");
        assertTrue(cursor.firstSeen(NOW + 2 * SECOND), "within the window and not seen");
    }

    @Test
    void nothingIsForgottenWhileASyncMayStillBringOlderChats() {
        cursor.firstSeen(NOW + 3600 * SECOND);
        assertTrue(cursor.firstSeen(NOW), "before any sync has read to the end, an hour-old chat is new");
        cursor.beginSync(null);
        cursor.endSync(null, true);
        cursor.beginSync(null);
        cursor.firstSeen(NOW + 7200 * SECOND);
        assertTrue(cursor.firstSeen(NOW + 3605 * SECOND), "a sync under way may bring what came while away");
        cursor.endSync(NOW + 3590 * SECOND, true);
        assertEquals(1, cursor.remembered(), "forgotten once it has read to the end");
    }

    @Test
    void thePositionIsReportedWhenItMovedAndOnlyOnceASyncHasReadToTheEnd() {
        cursor.firstSeen(NOW);
        assertEquals(OptionalLong.empty(), cursor.unreported(), "chats not yet fetched may lie below it");
        cursor.beginSync(null);
        cursor.endSync(null, true);
        assertEquals(OptionalLong.of(NOW), cursor.unreported());
        cursor.reported(NOW);
        assertEquals(OptionalLong.empty(), cursor.unreported());
        cursor.firstSeen(NOW + 1);
        assertEquals(OptionalLong.of(NOW + 1), cursor.unreported());
        cursor.reported(NOW + 1);
        cursor.beginSync(null);
        assertEquals(OptionalLong.empty(), cursor.unreported(), "not while a sync is under way");
        cursor.endSync(NOW - REWIND, true);
        assertEquals(OptionalLong.of(NOW + 1), cursor.unreported(), "again after a sync: the last may have been lost");
    }
}
