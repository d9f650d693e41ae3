package chat.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.storage.ChatMessageBatchDao.IdentifiedChat;
import chat.server.testkit.Backend;
import chat.server.testkit.TestDatabases;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
@Timeout(10)
class ChatMessageDaoTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();
    // Whole seconds: DATETIME keeps none, and MariaDB truncates a fraction where H2 rounds it.
    private static final LocalDateTime NOON = LocalDateTime.of(2024, 2, 29, 12, 0, 0);

    @Parameter
    Backend backend;

    private Database db;
    private ChatMessageDao chats;
    private UserRef ann;
    private UserRef ben;

    @BeforeEach
    void attach() {
        db = DATABASES.get(backend).database();
        chats = db.dao(ChatMessageDao.class);
        ann = Fixtures.newUser(db, "ann");
        ben = Fixtures.newUser(db, "ben");
    }

    /** Stores one chat the way the server does, through the batch insert, with an id as a node gives it. */
    private long insert(int senderId, Integer recipientId, Integer groupId, String body, LocalDateTime sentAt)
            throws SQLException {
        IdentifiedChat chat = new IdentifiedChat(Fixtures.nextMid(),
                new NewChat(senderId, recipientId, groupId, body, sentAt));
        db.jdbi().useHandle(h -> h.attach(ChatMessageBatchDao.class).insertAll(List.of(chat)));
        return chat.id();
    }

    @Test
    void conversationHoldsBothDirectionsNewestFirstWithSenderNames() throws Exception {
        long hello = insert(ann.id(), ben.id(), null, "hello", NOON);
        long reply = insert(ben.id(), ann.id(), null, "hi!", NOON.plusSeconds(1));

        List<ChatRow> expected = List.of(
                new ChatRow(reply, ben.id(), ben.name(), ann.id(), null, "hi!", NOON.plusSeconds(1)),
                new ChatRow(hello, ann.id(), ann.name(), ben.id(), null, "hello", NOON));
        assertEquals(expected, chats.conversation(ann.id(), ben.id(), Long.MAX_VALUE, 10));
        assertEquals(expected, chats.conversation(ben.id(), ann.id(), Long.MAX_VALUE, 10));
    }

    @Test
    void conversationLeavesOutOtherPeopleAndGroups() throws Exception {
        UserRef cat = Fixtures.newUser(db, "cat");
        int group = db.dao(GroupDao.class).create(Fixtures.unique("g"), "", ann.id(), 0L).orElseThrow().id();
        long mine = insert(ann.id(), ben.id(), null, "for ben", NOON);
        insert(ann.id(), cat.id(), null, "for cat", NOON);
        insert(cat.id(), ben.id(), null, "cat to ben", NOON);
        insert(ann.id(), null, group, "to the group", NOON);

        assertEquals(List.of(mine), ids(chats.conversation(ann.id(), ben.id(), Long.MAX_VALUE, 10)));
    }

    @Test
    void conversationPagesBackwardsFromBefore() throws Exception {
        long first = insert(ann.id(), ben.id(), null, "1", NOON);
        long second = insert(ben.id(), ann.id(), null, "2", NOON);
        long third = insert(ann.id(), ben.id(), null, "3", NOON);
        long fourth = insert(ben.id(), ann.id(), null, "4", NOON);
        assertTrue(first < second && second < third && third < fourth);

        assertEquals(List.of(fourth, third), ids(chats.conversation(ann.id(), ben.id(), Long.MAX_VALUE, 2)));
        assertEquals(List.of(second, first), ids(chats.conversation(ann.id(), ben.id(), third, 2)));
        assertEquals(List.of(), ids(chats.conversation(ann.id(), ben.id(), first, 2)));
    }

    @Test
    void notesToSelfComeBackOnce() throws Exception {
        long note = insert(ann.id(), ann.id(), null, "remember the milk", NOON);

        assertEquals(List.of(note), ids(chats.conversation(ann.id(), ann.id(), Long.MAX_VALUE, 10)));
    }

    @Test
    void groupHistoryPagesBackwardsAndKeepsToItsGroup() throws Exception {
        GroupDao groups = db.dao(GroupDao.class);
        int group = groups.create(Fixtures.unique("g"), "", ann.id(), 0L).orElseThrow().id();
        int other = groups.create(Fixtures.unique("g"), "", ben.id(), 0L).orElseThrow().id();
        long first = insert(ann.id(), null, group, "1", NOON);
        insert(ben.id(), null, other, "elsewhere", NOON);
        long second = insert(ben.id(), null, group, "2", NOON.plusSeconds(5));
        long third = insert(ann.id(), null, group, "3", NOON);

        assertEquals(List.of(third, second), ids(chats.groupHistory(group, Long.MAX_VALUE, 2)));
        assertEquals(List.of(first), ids(chats.groupHistory(group, second, 2)));
        assertEquals(new ChatRow(second, ben.id(), ben.name(), null, group, "2", NOON.plusSeconds(5)),
                chats.groupHistory(group, third, 1).getFirst());
    }

    @Test
    void awkwardBodyRoundTripsExactly() throws Exception {
        UserRef sender = Fixtures.newUser(db, Fixtures.AWKWARD);
        insert(sender.id(), ben.id(), null, Fixtures.AWKWARD, NOON);

        ChatRow row = chats.conversation(ben.id(), sender.id(), Long.MAX_VALUE, 1).getFirst();

        assertEquals(Fixtures.AWKWARD, row.body());
        assertEquals(sender.name(), row.senderName());
    }

    @Test
    void messageNeedsExactlyOneOfRecipientAndGroup() throws Exception {
        int group = db.dao(GroupDao.class).create(Fixtures.unique("g"), "", ann.id(), 0L).orElseThrow().id();

        assertThrows(SQLException.class, () -> insert(ann.id(), null, null, "nowhere", NOON));
        assertThrows(SQLException.class, () -> insert(ann.id(), ben.id(), group, "both", NOON));
    }

    @Test
    void storedOfNamesTheIdsThatAreStored() throws Exception {
        long stored = insert(ann.id(), ben.id(), null, "here", NOON);

        assertEquals(List.of(stored), chats.storedOf(List.of(stored, Fixtures.nextMid())));
    }

    private static List<Long> ids(List<ChatRow> rows) {
        return rows.stream().map(ChatRow::id).toList();
    }
}
