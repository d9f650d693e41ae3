package chat.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.core.Codec;
import chat.core.Message;
import chat.server.session.RecordingChannel;
import chat.server.storage.ChatMessageBatchDao.IdentifiedChat;
import chat.server.storage.ChatMessageBatchDao;
import chat.server.storage.ChatMessageDao;
import chat.server.storage.ChatRow;
import chat.server.storage.Database;
import chat.server.storage.DeliveryCursorDao;
import chat.server.storage.GroupDao;
import chat.server.storage.MessageIds;
import chat.server.storage.NewChat;
import chat.server.storage.UserDao;
import chat.server.testkit.Backend;
import chat.server.testkit.TestDatabases;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Delivery positions against a real database. The mailbox and the ids share a clock the test moves, so how old a
 * chat is, which decides what the mailbox may assume, is the test's to choose.
 */
@ParameterizedClass
@EnumSource(Backend.class)
@Timeout(30)
class MailboxTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final LocalDateTime NOON = LocalDateTime.of(2026, 5, 6, 12, 0, 0);

    @Parameter
    Backend backend;

    private final MovingClock clock = new MovingClock(Instant.parse("2026-05-06T12:00:00Z"));
    private final Codec codec = new Codec();
    /** What the mailbox is told about the stores: everything is stored, unless a test says otherwise. */
    private final AtomicLong settled = new AtomicLong(Long.MAX_VALUE);
    private Database db;
    private Mailbox mailbox;
    private DeliveryCursorDao cursors;
    private MessageIds ids;
    private int ann;
    private int ben;

    @BeforeEach
    void setUp() {
        db = DATABASES.get(backend).database();
        cursors = db.dao(DeliveryCursorDao.class);
        ChatMessageDao chats = db.dao(ChatMessageDao.class);
        // Ids above every id earlier tests stored, whatever clock those used.
        ids = new MessageIds(clock, () -> 0, Math.max(chats.maxId(), MessageIds.positionAt(clock.millis())));
        clock.moveTo(MessageIds.millisOf(ids.next()) + 1);
        mailbox = Mailbox.start(cursors, chats, codec, clock);
        ann = newUser();
        ben = newUser();
    }

    @AfterEach
    void tearDown() {
        mailbox.close();
    }

    @Test
    void aNewUsersCursorIsWhereTheyRegistered() {
        long before = chatTo(ann, "sent before ben registered");
        clock.advance(Duration.ofSeconds(1));
        int cat = newUser();

        assertTrue(mailbox.cursor(cat) >= before);
        assertEquals(List.of(), mailbox.syncPage(cat, null, 10));
    }

    @Test
    void syncStartsAfterWhatTheClientSaysOrWithoutItAtTheReportedPosition() {
        long first = chatTo(ann, "1");
        long second = chatTo(ann, "2");
        long third = chatTo(ann, "3");
        mailbox.received(ann, second);
        assertEquals(second, mailbox.cursor(ann), "a report counts at once");
        mailbox.close();
        assertEquals(second, mailbox.cursor(ann), "and is stored");

        assertEquals(List.of(second, third), mids(mailbox.syncPage(ann, first, 10)));
        assertEquals(List.of(third), mids(mailbox.syncPage(ann, null, 10)), "no position: from the report");
        assertEquals(List.of(), mids(mailbox.syncPage(ann, third, 10)));
    }

    @Test
    void theOriginalClientGetsWhatWaitedInTheAckAsFarAsItFitsAndTheRestAfterItInOrder() throws Exception {
        List<Long> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(chatTo(ann, "waiting " + i));
        }
        clock.advance(Duration.ofMinutes(1));
        RecordingChannel channel = new RecordingChannel();

        Mailbox.Catchup catchup = mailbox.follow(ann, channel, settled::get);
        List<String> inAck = catchup.forAck(1);
        catchup.ackWritten();
        catchup.sendRest();

        assertEquals(1, inAck.size(), "a budget too small for one still carries one");
        assertEquals(waiting.getFirst(), ((Message.OneChat) codec.decode(inAck.getFirst())).mid());
        assertEquals(waiting.subList(1, 5), channel.sent().stream().map(RecordingChannel.Sent::mid).toList());
        for (RecordingChannel.Sent sent : channel.sent()) {
            Message.OneChat chat = (Message.OneChat) codec.decode(sent.line());
            assertEquals(ann, chat.toid());
            assertEquals(sent.mid(), chat.mid());
        }
    }

    @Test
    void theCursorOfAnOriginalClientMovesOnlyPastWhatItsConnectionWrote() throws Exception {
        long one = chatTo(ann, "1");
        long two = chatTo(ann, "2");
        long three = chatTo(ann, "3");
        clock.advance(Duration.ofMinutes(1));
        RecordingChannel channel = new RecordingChannel();
        Mailbox.Catchup catchup = mailbox.follow(ann, channel, settled::get);
        catchup.forAck(Mailbox.ACK_CHATS_BUDGET);
        catchup.sendRest();

        mailbox.written(ann, one);
        mailbox.written(ann, two);
        clock.advance(Duration.ofSeconds(10));
        mailbox.unfollow(ann, channel);

        assertEquals(two, mailbox.cursor(ann), "three was never written");
        assertEquals(List.of(three), mids(mailbox.syncPage(ann, null, 10)));
    }

    @Test
    void aChatTheConnectionCouldNotWriteKeepsTheCursorBeforeIt() throws Exception {
        long one = chatTo(ann, "1");
        long two = chatTo(ann, "2");
        long three = chatTo(ann, "3");
        clock.advance(Duration.ofMinutes(1));
        RecordingChannel channel = new RecordingChannel();
        Mailbox.Catchup catchup = mailbox.follow(ann, channel, settled::get);
        catchup.forAck(Mailbox.ACK_CHATS_BUDGET);
        catchup.ackWritten();

        mailbox.unwritten(ann, two);
        clock.advance(Duration.ofSeconds(10));
        mailbox.unfollow(ann, channel);

        assertEquals(one, mailbox.cursor(ann));
        assertEquals(List.of(two, three), mids(mailbox.syncPage(ann, null, 10)));
    }

    @Test
    void theCursorStaysShortOfChatsThatMayStillBeOnTheirWay() throws Exception {
        RecordingChannel channel = new RecordingChannel();
        mailbox.follow(ann, channel, settled::get).forAck(Mailbox.ACK_CHATS_BUDGET);
        clock.advance(Duration.ofMinutes(1));
        long fresh = chatTo(ann, "just now");

        mailbox.written(ann, fresh);
        mailbox.unfollow(ann, channel);

        assertTrue(mailbox.cursor(ann) < fresh, "written under a second ago: an older chat may still arrive");
    }

    @Test
    void aChatThatMissedAnOfflineUserMovesTheirCursorBackUnlessItIsTooNewToBeBehindIt() {
        long one = chatTo(ann, "1");
        long two = chatTo(ann, "2");
        clock.advance(Duration.ofMinutes(1));
        cursors.advance(List.of(ann), List.of(two));

        mailbox.missed(ann, chatTo(ann, "brand new"), Mailbox.Miss.NOBODY_TOOK_IT);
        assertEquals(two, mailbox.cursor(ann), "a chat under a second old cannot be behind the cursor");

        mailbox.missed(ann, two, Mailbox.Miss.NOBODY_TOOK_IT);
        assertEquals(one, mailbox.cursor(ann));
    }

    @Test
    void aChatThatCouldNotReachTheUsersNodeAlwaysMovesTheCursorBack() {
        long one = chatTo(ann, "1");
        cursors.advance(List.of(ann), List.of(one));

        mailbox.missed(ann, one, Mailbox.Miss.UNREACHABLE);

        assertEquals(one - 1, mailbox.cursor(ann));
    }

    @Test
    void aRewindByAnotherNodeIsKeptByTheNodeThatMovesTheCursor() throws Exception {
        long one = chatTo(ann, "1");
        long two = chatTo(ann, "2");
        long three = chatTo(ann, "3");
        clock.advance(Duration.ofMinutes(1));
        RecordingChannel channel = new RecordingChannel();
        Mailbox.Catchup catchup = mailbox.follow(ann, channel, settled::get);
        catchup.forAck(1);
        catchup.ackWritten();
        catchup.sendRest();
        mailbox.written(ann, one);
        mailbox.close();
        assertEquals(one, mailbox.cursor(ann));

        cursors.rewind(ann, one - 1);
        mailbox.written(ann, two);
        mailbox.written(ann, three);
        clock.advance(Duration.ofSeconds(10));
        mailbox.unfollow(ann, channel);

        assertEquals(one - 1, mailbox.cursor(ann), "one missed ann somewhere, so the cursor stays before it");
        assertEquals(List.of(one, two, three), mids(mailbox.syncPage(ann, null, 10)));
    }

    @Test
    void aChatStoredOnlyAfterTheLoginReadWhatWaitedIsSentOnceTheStoresHaveSettled() throws Exception {
        RecordingChannel channel = new RecordingChannel();
        long givenBeforeLogin = ids.next();
        settled.set(givenBeforeLogin - 1);
        Mailbox.Catchup catchup = mailbox.follow(ann, channel, settled::get);
        catchup.forAck(Mailbox.ACK_CHATS_BUDGET);
        catchup.ackWritten();
        catchup.sendRest();
        store(givenBeforeLogin, ann, "stored late");
        settled.set(Long.MAX_VALUE);

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (channel.sent().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertEquals(List.of(givenBeforeLogin), channel.sent().stream().map(RecordingChannel.Sent::mid).toList());
    }

    @Test
    void groupChatsCountFromJoiningAndNotOnesOwn() {
        GroupDao groups = db.dao(GroupDao.class);
        int group = groups.create("g" + NAMES.incrementAndGet(), "", ann, 0L).orElseThrow().id();
        long beforeBenJoined = groupChat(ann, group, "before ben");
        groups.join(group, ben, ids.next());
        long afterBenJoined = groupChat(ann, group, "after ben joined");
        long bensOwn = groupChat(ben, group, "ben's own");

        assertEquals(List.of(afterBenJoined), mids(mailbox.syncPage(ben, 0L, 10)));
        assertEquals(List.of(bensOwn), mids(mailbox.syncPage(ann, 0L, 10)));
        assertTrue(beforeBenJoined < afterBenJoined);
    }

    @Test
    void afterAnOutageAUserGetsTheChatsOtherNodesGaveMeanwhileButNotThisNodes() {
        long since = clock.millis();
        long fromOtherNode = chatTo(ann, "from another node", 7);
        long fromThisNode = chatTo(ann, "from this node", 0);
        RecordingChannel channel = new RecordingChannel();

        int sent = mailbox.resendFromOtherNodes(ann, channel, since, 0);

        assertEquals(1, sent);
        assertEquals(List.of(fromOtherNode), channel.sent().stream().map(RecordingChannel.Sent::mid).toList());
        assertEquals(0, MessageIds.slotOf(fromThisNode));
    }

    private int newUser() {
        return db.dao(UserDao.class).create("mailbox-user-" + NAMES.incrementAndGet(), "not-a-hash",
                MessageIds.positionAt(clock.millis()));
    }

    private long chatTo(int recipient, String body) {
        return chatTo(recipient, body, 0);
    }

    /** A chat given its id by the node in {@code slot}, now, and stored. */
    private long chatTo(int recipient, String body, int slot) {
        long id = slot == 0 ? ids.next() : new MessageIds(clock, () -> slot, ids.next()).next();
        store(id, recipient, body);
        return id;
    }

    private long groupChat(int sender, int group, String body) {
        long id = ids.next();
        insert(new IdentifiedChat(id, new NewChat(sender, null, group, body, NOON)));
        return id;
    }

    private void store(long id, int recipient, String body) {
        insert(new IdentifiedChat(id, new NewChat(ben == recipient ? ann : ben, recipient, null, body, NOON)));
    }

    private void insert(IdentifiedChat chat) {
        try {
            db.jdbi().useHandle(h -> h.attach(ChatMessageBatchDao.class).insertAll(List.of(chat)));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Long> mids(List<ChatRow> rows) {
        return rows.stream().map(ChatRow::id).toList();
    }

    /** A clock the test moves; every reader sees the same time. */
    private static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void moveTo(long epochMillis) {
            now = Instant.ofEpochMilli(Math.max(epochMillis, now.toEpochMilli()));
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
