package chat.server.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import chat.core.Codec;
import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.Member;
import chat.core.Contacts;
import chat.core.ErrorCode;
import chat.core.Message.Login;
import chat.core.Message.LoginAck;
import chat.core.Message;
import chat.server.auth.PasswordGate;
import chat.server.auth.PasswordHasher;
import chat.server.auth.ResumeTokens;
import chat.server.cluster.Cluster;
import chat.server.delivery.Mailbox;
import chat.server.directory.ContactBook;
import chat.server.directory.ContactEvents;
import chat.server.directory.GroupMembers;
import chat.server.ops.Metrics;
import chat.server.session.RecordingChannel.FirstWrite;
import chat.server.session.RecordingChannel;
import chat.server.session.Session;
import chat.server.session.SessionRegistry;
import chat.server.session.TestSessions;
import chat.server.storage.FriendDao;
import chat.server.storage.GroupDao;
import chat.server.storage.GroupRow;
import chat.server.storage.MemberRow;
import chat.server.storage.UserDao;
import chat.server.storage.UserRef;
import chat.server.storage.UserRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.stubbing.Answer;

@ExtendWith(MockitoExtension.class)
class LoginHandlerTest {
    private static final PasswordHasher HASHER = new PasswordHasher(1000);
    private static final String HASH = HASHER.hash("secret");
    private static final UserRef GAO = new UserRef(21, "gao yang");
    private static final String WAITING_1 = "{\"msgid\":6,\"id\":13,\"name\":\"zhang san\",\"toid\":21,\"msg\":\"hi\","
            + "\"time\":\"2020-02-22 22:59:56\",\"mid\":40}";
    private static final String WAITING_2 = "{\"msgid\":10,\"id\":13,\"name\":\"zhang san\",\"groupid\":1,"
            + "\"msg\":\"嗨\",\"time\":\"2020-02-22 22:59:57\",\"mid\":41}";

    @Mock
    private UserDao users;
    @Mock
    private Cluster cluster;
    @Mock
    private FriendDao friends;
    @Mock
    private GroupDao groups;
    @Mock
    private Mailbox mailbox;
    @Mock
    private Mailbox.Catchup catchup;
    @Mock
    private ResumeTokens tokens;

    /** Two failed logins a minute from one address, three for one account. */
    private static final PasswordGate.Limits LIMITS = new PasswordGate.Limits(1, 4, 100, 2, 3);

    private final Codec codec = new Codec();
    private final AtomicLong nowMillis = new AtomicLong(1_000_000);
    private final InstantSource clock = () -> Instant.ofEpochMilli(nowMillis.get());
    private PasswordGate passwords;
    private final RecordingChannel channel = new RecordingChannel();
    private Session session;
    private LoginHandler handler;

    @BeforeEach
    void setUp() {
        session = new Session(channel, codec, Metrics.off());
        passwords = new PasswordGate(HASHER, LIMITS, clock);
        ContactEvents events = new ContactEvents(friends, new GroupMembers(groups, cluster, Clock.systemUTC()),
                cluster, codec);
        handler = new LoginHandler(users, passwords, tokens,
                new SessionRegistry(cluster, mailbox, () -> Long.MAX_VALUE, events),
                new ContactBook(friends, groups, cluster));
    }

    @AfterEach
    void closeGate() {
        passwords.close();
    }

    @Test
    void ourClientGetsFriendsGroupsATokenAndTheServersPositionFirstAndSyncsItsChatsItself() {
        knownUser();
        when(cluster.register(21, channel, true)).thenReturn(true);
        when(cluster.online(any())).thenAnswer(onlineAmong(13, 21));
        when(friends.friendsOf(21)).thenReturn(List.of(new UserRef(13, "zhang san"), new UserRef(14, "li si")));
        when(groups.groupsOf(21)).thenReturn(List.of(new GroupRow(1, "g", "d")));
        when(groups.membersOf(1)).thenReturn(List.of(new MemberRow(1, 13, "zhang san", GroupDao.CREATOR),
                new MemberRow(1, 21, "gao yang", GroupDao.NORMAL)));
        when(tokens.issue(21)).thenReturn("resume-token");
        when(mailbox.cursor(21)).thenReturn(57L);

        handler.handle(session, new Login(4, 21, "secret"));

        LoginAck expected = new LoginAck(4, 0, null, 21, "gao yang",
                List.of(new Friend(13, "zhang san", Contacts.ONLINE), new Friend(14, "li si", Contacts.OFFLINE)),
                List.of(new Group(1, "g", "d", List.of(
                        new Member(13, "zhang san", Contacts.ONLINE, Contacts.CREATOR),
                        new Member(21, "gao yang", Contacts.ONLINE, Contacts.NORMAL)))),
                List.of(), "resume-token", 57L);
        assertEquals(List.of(expected), channel.messages());
        assertTrue(channel.sent().getFirst().first(), "the ack jumps ahead of chats that raced it");
        assertEquals(Optional.of(GAO), session.user());
        assertTrue(session.syncs());
        verify(cluster).register(21, channel, true);
        verify(mailbox, never()).follow(anyInt(), any(), any());
    }

    @Test
    void theOriginalClientGetsTheChatsThatWaitedInTheAckAndTheRestAfterIt() throws Exception {
        knownUser();
        when(cluster.register(21, channel, false)).thenReturn(true);
        when(mailbox.follow(eq(21), eq(channel), any())).thenReturn(catchup);
        when(catchup.forAck(Mailbox.ACK_CHATS_BUDGET)).thenReturn(List.of(WAITING_1, WAITING_2));

        handler.handle(session, new Login(null, 21, "secret"));

        assertEquals(List.of(new LoginAck(null, 0, null, 21, "gao yang", List.of(), List.of(),
                List.of(WAITING_1, WAITING_2))), channel.messages());
        InOrder order = inOrder(cluster, mailbox, catchup);
        order.verify(cluster).register(21, channel, false);
        order.verify(mailbox).follow(eq(21), eq(channel), any());
        order.verify(catchup).forAck(Mailbox.ACK_CHATS_BUDGET);
        order.verify(catchup).ackWritten();
        order.verify(catchup).sendRest();
        verifyNoInteractions(tokens);
    }

    @Test
    void theOriginalClientGetsTheMinimalAckWhenNothingWaited() {
        knownUser();
        when(cluster.register(21, channel, false)).thenReturn(true);
        when(mailbox.follow(eq(21), eq(channel), any())).thenReturn(catchup);
        when(catchup.forAck(anyInt())).thenReturn(List.of());

        handler.handle(session, new Login(null, 21, "secret"));

        assertEquals(List.of(new LoginAck(null, 0, null, 21, "gao yang", List.of(), List.of(), List.of())),
                channel.messages());
    }

    @Test
    void aUserLogsInByNameInTheFormNamesAreStoredIn() throws Exception {
        when(users.findByName("gao yang")).thenReturn(Optional.of(new UserRow(21, "gao yang", HASH)));
        when(cluster.register(21, channel, true)).thenReturn(true);
        when(tokens.issue(21)).thenReturn("resume-token");
        Login byName = (Login) codec.decode(
                "{\"msgid\":1,\"seq\":4,\"name\":\" ｇａｏ  yang\",\"password\":\"secret\"}");

        handler.handle(session, byName);

        LoginAck ack = (LoginAck) channel.messages().getFirst();
        assertEquals(0, ack.errno());
        assertEquals(21, ack.id());
        assertEquals(Optional.of(GAO), session.user());
        verify(users, never()).findById(anyInt());
    }

    @Test
    void anUnknownNameIsRefusedLikeAnUnknownId() {
        when(users.findByName("nobody")).thenReturn(Optional.empty());

        handler.handle(session, Login.byName(5, "nobody", "secret"));

        assertEquals(List.of(LoginAck.failed(5, ErrorCode.REJECTED, LoginHandler.INVALID)), channel.messages());
        assertNotLoggedIn();
    }

    @Test
    void aLoginTellsTheUsersOnlineFriendsThatTheyCameOnlineReadingTheFriendsOnce() {
        knownUser();
        when(cluster.register(21, channel, true)).thenReturn(true);
        when(friends.friendsOf(21)).thenReturn(List.of(new UserRef(13, "zhang san"), new UserRef(14, "li si")));
        when(cluster.online(any())).thenAnswer(onlineAmong(13));
        when(tokens.issue(21)).thenReturn("resume-token");

        handler.handle(session, new Login(4, 21, "secret"));

        verify(cluster).sendEvent(13, codec.encodeLine(
                new Message.Presence(null, new Friend(21, "gao yang", Contacts.ONLINE))));
        verify(cluster, never()).sendEvent(eq(14), any());
        verify(friends).friendsOf(21);
        verify(friends, never()).friendIdsOf(anyInt());
    }

    @Test
    void friendsBeyondWhatTheAckShowsHearOfTheLoginToo() {
        knownUser();
        when(cluster.register(21, channel, false)).thenReturn(true);
        when(mailbox.follow(eq(21), eq(channel), any())).thenReturn(catchup);
        List<UserRef> many = IntStream.range(0, 2000).mapToObj(i -> new UserRef(1000 + i, "friend-" + i)).toList();
        when(friends.friendsOf(21)).thenReturn(many);
        when(cluster.online(any())).thenAnswer(onlineAmong(2999));

        handler.handle(session, new Login(null, 21, "secret"));

        assertTrue(((LoginAck) channel.messages().getFirst()).friends().stream().noneMatch(f -> f.id() == 2999),
                "the last friend does not fit the ack");
        verify(cluster).sendEvent(2999, codec.encodeLine(
                new Message.Presence(null, new Friend(21, "gao yang", Contacts.ONLINE))));
    }

    @Test
    void aRefusedLoginTellsNobody() {
        knownUser();
        when(cluster.register(21, channel, true)).thenReturn(false);

        handler.handle(session, new Login(6, 21, "secret"));

        verify(cluster, never()).sendEvent(anyInt(), any());
        verify(friends, never()).friendIdsOf(anyInt());
    }

    @Test
    void unknownIdIsRefusedWithErrnoOne() {
        when(users.findById(99)).thenReturn(Optional.empty());

        handler.handle(session, new Login(5, 99, "secret"));

        assertEquals(LoginAck.failed(5, ErrorCode.REJECTED, "id or password is invalid!"), channel.onlyReply());
        assertNotLoggedIn();
        verifyNoInteractions(cluster, mailbox);
    }

    @Test
    void wrongPasswordIsRefusedWithTheSameErrnoAndText() {
        knownUser();

        handler.handle(session, new Login(null, 21, "Secret"));

        assertEquals(LoginAck.failed(null, ErrorCode.REJECTED, "id or password is invalid!"), channel.onlyReply());
        assertNotLoggedIn();
        verifyNoInteractions(cluster, mailbox);
    }

    @Test
    void emptyPasswordNeverMatches() {
        knownUser();

        handler.handle(session, new Login(null, 21, ""));

        assertEquals(ErrorCode.REJECTED.code(), ((LoginAck) channel.onlyReply()).errno());
        assertNotLoggedIn();
    }

    @Test
    void aUserOnlineElsewhereIsRefusedWithErrnoTwo() {
        knownUser();
        when(cluster.register(21, channel, true)).thenReturn(false);

        handler.handle(session, new Login(6, 21, "secret"));

        assertEquals(LoginAck.failed(6, ErrorCode.ALREADY_ONLINE, "this account is using, input another!"),
                channel.onlyReply());
        assertTrue(session.user().isEmpty());
        verify(cluster, never()).unregister(anyInt(), any());
        verifyNoInteractions(mailbox);
    }

    @Test
    void aSecondLoginOnTheSameConnectionIsRefused() {
        Session mine = TestSessions.loggedIn(channel, codec, GAO);

        handler.handle(mine, new Login(7, 22, "other"));

        LoginAck ack = (LoginAck) channel.onlyReply();
        assertEquals(ErrorCode.ALREADY_ONLINE.code(), ack.errno());
        assertEquals(7, ack.seq());
        assertTrue(ack.errmsg().contains("already logged in"), ack.errmsg());
        assertEquals(Optional.of(GAO), mine.user());
        verifyNoInteractions(users, cluster, mailbox);
    }

    @Test
    void whatWaitedStaysWaitingWhenTheAckWasNotWritten() throws Exception {
        channel.firstWrites(FirstWrite.NOT_WRITTEN);
        originalClientLoginWithChatsWaiting();

        verify(catchup, never()).ackWritten();
        verify(catchup, never()).sendRest();
    }

    @Test
    void whatWaitedStaysWaitingWhenWritingTheAckFailed() throws Exception {
        channel.firstWrites(FirstWrite.FAILED);
        originalClientLoginWithChatsWaiting();

        verify(catchup, never()).ackWritten();
        verify(catchup, never()).sendRest();
    }

    @Test
    void theUserIsUnregisteredWhenBuildingTheAckFails() {
        knownUser();
        when(cluster.register(21, channel, false)).thenReturn(true);
        when(mailbox.follow(eq(21), eq(channel), any())).thenReturn(catchup);
        when(catchup.forAck(anyInt())).thenReturn(List.of(WAITING_1));
        when(friends.friendsOf(21)).thenThrow(new IllegalStateException("database down"));

        assertThrows(IllegalStateException.class, () -> handler.handle(session, new Login(null, 21, "secret")));

        verify(cluster).unregister(21, channel);
        verify(mailbox).unfollow(21, channel);
        assertTrue(session.user().isEmpty());
        assertTrue(channel.isEmpty());
    }

    @Test
    void theUserIsUnregisteredWhenReadingWhatWaitedFails() {
        knownUser();
        when(cluster.register(21, channel, false)).thenReturn(true);
        when(mailbox.follow(eq(21), eq(channel), any())).thenThrow(new IllegalStateException("database down"));

        assertThrows(IllegalStateException.class, () -> handler.handle(session, new Login(null, 21, "secret")));

        verify(cluster).unregister(21, channel);
        assertTrue(session.user().isEmpty());
    }

    @Test
    void aStoredHashThatIsNotOursIsRefusedLikeAWrongPassword() {
        when(users.findById(21)).thenReturn(Optional.of(new UserRow(21, "gao yang", "secret")));

        handler.handle(session, new Login(null, 21, "secret"));

        assertEquals(LoginAck.failed(null, ErrorCode.REJECTED, "id or password is invalid!"), channel.onlyReply());
        verifyNoInteractions(cluster);
    }

    @Test
    void aLiveResumeTokenLogsInWithoutThePasswordAndIsKept() {
        knownUser();
        when(tokens.accepts(21, "resume-token")).thenReturn(true);
        when(cluster.register(21, channel, true)).thenReturn(true);

        handler.handle(session, new Login(8, 21, null, "resume-token"));

        LoginAck ack = (LoginAck) channel.messages().getFirst();
        assertEquals(0, ack.errno());
        assertEquals("resume-token", ack.token(), "a token login keeps its token");
        verify(tokens, never()).issue(anyInt());
        assertEquals(Optional.of(GAO), session.user());
    }

    @Test
    void anUnknownOrExpiredResumeTokenIsRefusedLikeAWrongPassword() {
        knownUser();
        when(tokens.accepts(21, "stale")).thenReturn(false);

        handler.handle(session, new Login(9, 21, null, "stale"));

        LoginAck ack = (LoginAck) channel.onlyReply();
        assertEquals(ErrorCode.REJECTED.code(), ack.errno());
        assertNotLoggedIn();
        verify(cluster, never()).register(anyInt(), any(), anyBoolean());
    }

    @Test
    void theOriginalClientWhichSendsNoSeqGetsNoToken() {
        knownUser();
        when(cluster.register(21, channel, false)).thenReturn(true);
        when(mailbox.follow(eq(21), eq(channel), any())).thenReturn(catchup);

        handler.handle(session, new Login(null, 21, "secret"));

        assertEquals(null, ((LoginAck) channel.messages().getFirst()).token());
        verifyNoInteractions(tokens);
    }

    @Test
    void pastTheFailedLoginLimitEvenTheRightPasswordIsRefusedWithErrnoElevenAndAWait() {
        knownUser();
        handler.handle(session, new Login(1, 21, "guess1"));
        handler.handle(session, new Login(2, 21, "guess2"));

        handler.handle(session, new Login(3, 21, "secret"));

        LoginAck refused = (LoginAck) channel.messages().get(2);
        assertEquals(3, refused.seq());
        assertEquals(ErrorCode.LIMIT_REACHED.code(), refused.errno());
        assertEquals("too many failed logins from your address; try again in 30 s", refused.errmsg());
        assertNotLoggedIn();
    }

    @Test
    void theOriginalClientGetsALoginAckWhenLimitedToo() {
        knownUser();
        handler.handle(session, new Login(null, 21, "guess1"));
        handler.handle(session, new Login(null, 21, "guess2"));

        handler.handle(session, new Login(null, 21, "guess3"));

        assertEquals(LoginAck.failed(null, ErrorCode.LIMIT_REACHED,
                "too many failed logins from your address; try again in 30 s"), channel.messages().get(2));
    }

    @Test
    void onceTheWaitIsOverThePasswordIsCheckedAgain() {
        knownUser();
        when(cluster.register(21, channel, false)).thenReturn(true);
        when(mailbox.follow(eq(21), eq(channel), any())).thenReturn(catchup);
        handler.handle(session, new Login(null, 21, "guess1"));
        handler.handle(session, new Login(null, 21, "guess2"));

        nowMillis.addAndGet(Duration.ofSeconds(30).toMillis());
        handler.handle(session, new Login(null, 21, "secret"));

        assertEquals(0, ((LoginAck) channel.messages().get(2)).errno());
        assertEquals(Optional.of(GAO), session.user());
    }

    @Test
    void aResumeTokenLogsInWhilePasswordLoginsAreLimited() {
        knownUser();
        when(tokens.accepts(21, "resume-token")).thenReturn(true);
        when(cluster.register(21, channel, true)).thenReturn(true);
        handler.handle(session, new Login(1, 21, "guess1"));
        handler.handle(session, new Login(2, 21, "guess2"));

        handler.handle(session, new Login(3, 21, null, "resume-token"));

        assertEquals(0, ((LoginAck) channel.messages().get(2)).errno());
        assertEquals(Optional.of(GAO), session.user());
    }

    private void originalClientLoginWithChatsWaiting() {
        knownUser();
        when(cluster.register(21, channel, false)).thenReturn(true);
        when(mailbox.follow(eq(21), eq(channel), any())).thenReturn(catchup);
        when(catchup.forAck(anyInt())).thenReturn(List.of(WAITING_1, WAITING_2));

        handler.handle(session, new Login(null, 21, "secret"));

        assertEquals(List.of(WAITING_1, WAITING_2), ((LoginAck) channel.messages().getFirst()).offlinemsg());
    }

    private void knownUser() {
        when(users.findById(21)).thenReturn(Optional.of(new UserRow(21, "gao yang", HASH)));
    }

    private void assertNotLoggedIn() {
        assertTrue(session.user().isEmpty());
        verify(cluster, never()).register(anyInt(), any(), anyBoolean());
    }

    private static Answer<Set<Integer>> onlineAmong(Integer... online) {
        Set<Integer> ids = Set.of(online);
        return inv -> {
            Collection<Integer> asked = inv.getArgument(0);
            return asked.stream().filter(ids::contains).collect(Collectors.toSet());
        };
    }
}
