package chat.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import chat.core.Codec;
import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts;
import chat.core.ErrorCode;
import chat.core.Message.AddFriend;
import chat.core.Message.AddFriendAck;
import chat.core.Message.ContactsAck;
import chat.core.Message.ContactsRequest;
import chat.core.Message.CreateGroup;
import chat.core.Message.CreateGroupAck;
import chat.core.Message.GroupChat;
import chat.core.Message.GroupChatAck;
import chat.core.Message.History;
import chat.core.Message.HistoryAck;
import chat.core.Message.JoinGroup;
import chat.core.Message.JoinGroupAck;
import chat.core.Message.Login;
import chat.core.Message.LoginAck;
import chat.core.Message.Logout;
import chat.core.Message.LogoutAck;
import chat.core.Message.OneChat;
import chat.core.Message.OneChatAck;
import chat.core.Message.Ping;
import chat.core.Message.Pong;
import chat.core.Message.Register;
import chat.core.Message.RegisterAck;
import chat.core.Message;
import chat.core.ProtocolException;
import chat.server.cluster.Cluster;
import chat.server.delivery.Mailbox;
import chat.server.directory.ContactEvents;
import chat.server.handler.Handler;
import chat.server.handler.PingHandler;
import chat.server.ops.Metrics;
import chat.server.session.RecordingChannel;
import chat.server.session.Session;
import chat.server.session.SessionRegistry;
import chat.server.session.TestSessions;
import chat.server.storage.UserRef;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class DispatcherTest {
    private static final int ME = 22;
    private static final Group GROUP = new Group(1, "g", "d", List.of());

    @Mock
    private Handler<Login> login;
    @Mock
    private Handler<Register> register;
    @Mock
    private Handler<Logout> logout;
    @Mock
    private Handler<OneChat> oneChat;
    @Mock
    private Handler<AddFriend> addFriend;
    @Mock
    private Handler<CreateGroup> createGroup;
    @Mock
    private Handler<JoinGroup> joinGroup;
    @Mock
    private Handler<GroupChat> groupChat;
    @Mock
    private Handler<History> history;
    @Mock
    private Handler<ContactsRequest> contacts;

    @Mock
    private SessionRegistry sessions;

    private final Codec codec = new Codec();
    private final RecordingChannel channel = new RecordingChannel();
    private Dispatcher dispatcher;

    @BeforeEach
    void setUp() {
        dispatcher = new Dispatcher(handlers(), sessions);
    }

    private Handlers handlers() {
        return new Handlers()
                .beforeLogin(Login.class, login)
                .beforeLogin(Register.class, register)
                .beforeLogin(Ping.class, new PingHandler())
                .afterLogin(Logout.class, logout)
                .afterLogin(OneChat.class, oneChat)
                .afterLogin(AddFriend.class, addFriend)
                .afterLogin(CreateGroup.class, createGroup)
                .afterLogin(JoinGroup.class, joinGroup)
                .afterLogin(GroupChat.class, groupChat)
                .afterLogin(History.class, history)
                .afterLogin(ContactsRequest.class, contacts);
    }

    /** Every request that needs a logged-in user, claiming {@code id} as its sender. */
    static Stream<Message> requestsAs(Integer id) {
        return Stream.of(
                new Logout(7, id),
                new OneChat(7, id, "wsp", 23, "hello!", null, null),
                new AddFriend(7, id, 23),
                new CreateGroup(7, id, "g", "d"),
                new JoinGroup(7, id, 1),
                new GroupChat(7, id, "wsp", 1, "hi", null, null),
                new History(7, id, 23, null, null, null),
                new ContactsRequest(7, id));
    }

    static Stream<Message> requestsAsMe() {
        return requestsAs(ME);
    }

    static Stream<Message> requestsWithoutId() {
        return requestsAs(null);
    }

    static Stream<Message> requestsAsSomeoneElse() {
        return requestsAs(99);
    }

    static Stream<Message> serverMessages() {
        return Stream.of(
                new LoginAck(7, 0, null, ME, "wsp", null, null, null),
                new RegisterAck(7, 0, null, 24),
                new Message.Error(7, 6, 7, "no"),
                new LogoutAck(7),
                new OneChatAck(7, 1L, "2020-02-22 22:59:56"),
                new AddFriendAck(7, new Friend(23, "wei", Contacts.ONLINE)),
                new CreateGroupAck(7, GROUP),
                new JoinGroupAck(7, GROUP),
                new GroupChatAck(7, 1L, "2020-02-22 22:59:56"),
                new HistoryAck(7, List.of()),
                new Pong(7),
                new ContactsAck(7, List.of(), List.of()));
    }

    static Stream<Message> everythingButLoginRegisterAndPing() {
        return Stream.concat(requestsAsMe(), serverMessages());
    }

    // ---- before login ----

    @ParameterizedTest
    @MethodSource("everythingButLoginRegisterAndPing")
    void beforeLoginOnlyRegisterLoginAndPingAreAllowed(Message message) {
        dispatcher.dispatch(anonymous(), message);

        assertEquals(new Message.Error(7, message.type().id(), ErrorCode.NOT_LOGGED_IN.code(),
                "log in first (msgid 1) or register (msgid 4)"), channel.onlyReply());
        verifyNoHandlerCalled();
    }

    @Test
    void loginGoesToTheLoginHandler() throws Exception {
        Session session = anonymous();
        Login request = new Login(null, 22, "123456");

        dispatcher.dispatch(session, request);

        verify(login).handle(session, request);
        verifyNoMoreInteractions(register, logout, oneChat);
    }

    @Test
    void registerGoesToTheRegisterHandler() throws Exception {
        Session session = anonymous();
        Register request = new Register(null, "wei", "123456");

        dispatcher.dispatch(session, request);

        verify(register).handle(session, request);
        verifyNoInteractions(login);
    }

    @Test
    void pingIsAnsweredBeforeAndAfterLogin() {
        dispatcher.dispatch(anonymous(), new Ping(3));
        dispatcher.dispatch(loggedIn(), new Ping(4));
        dispatcher.dispatch(loggedIn(), new Ping(null));

        assertEquals(List.of(new Pong(3), new Pong(4), new Pong(null)), channel.messages());
        verifyNoHandlerCalled();
    }

    // ---- after login ----

    @ParameterizedTest
    @MethodSource({"requestsAsMe", "requestsWithoutId"})
    void eachRequestReachesItsHandlerOnceLoggedIn(Message message) throws Exception {
        Session session = loggedIn();

        dispatcher.dispatch(session, message);

        verifyHandled(session, message);
        assertTrue(channel.isEmpty(), "answers are the handler's business");
    }

    @ParameterizedTest
    @MethodSource("requestsAsSomeoneElse")
    void aRequestActingForAnotherUserIsForbidden(Message message) {
        dispatcher.dispatch(loggedIn(), message);

        Message.Error error = (Message.Error) channel.onlyReply();
        assertEquals(ErrorCode.FORBIDDEN.code(), error.errno());
        assertEquals(7, error.seq());
        assertEquals(message.type().id(), error.req());
        assertTrue(error.errmsg().contains("22") && error.errmsg().contains("99"), error.errmsg());
        verifyNoHandlerCalled();
    }

    @ParameterizedTest
    @MethodSource("serverMessages")
    void messagesOnlyTheServerSendsAreRefused(Message message) {
        dispatcher.dispatch(loggedIn(), message);

        Message.Error error = (Message.Error) channel.onlyReply();
        assertEquals(ErrorCode.UNKNOWN_TYPE.code(), error.errno());
        assertEquals(7, error.seq());
        assertEquals(message.type().id(), error.req());
        verifyNoHandlerCalled();
    }

    @Test
    void loginOnALoggedInSessionStillGoesToTheLoginHandlerWhichRefusesIt() throws Exception {
        Session session = loggedIn();
        Login request = new Login(1, 23, "x");

        dispatcher.dispatch(session, request);

        verify(login).handle(session, request);
    }

    // ---- failures ----

    @Test
    void aHandlersRefusalBecomesAnErrorReplyWithSeqAndReq() throws Exception {
        Session session = loggedIn();
        OneChat request = new OneChat(12, ME, "wsp", 99, "hi", null, null);
        doThrow(new ProtocolException(ErrorCode.NOT_FOUND, "no user with id 99")).when(oneChat).handle(session, request);

        dispatcher.dispatch(session, request);

        assertEquals(new Message.Error(12, 6, ErrorCode.NOT_FOUND.code(), "no user with id 99"), channel.onlyReply());
    }

    @Test
    void aRefusalOfARequestWithoutSeqIsStillAnswered() throws Exception {
        Session session = loggedIn();
        AddFriend request = new AddFriend(null, ME, 99);
        doThrow(new ProtocolException(ErrorCode.NOT_FOUND, "no user with id 99")).when(addFriend).handle(session, request);

        dispatcher.dispatch(session, request);

        assertEquals(new Message.Error(null, 7, ErrorCode.NOT_FOUND.code(), "no user with id 99"), channel.onlyReply());
    }

    @Test
    void aHandlersCrashBecomesAServerErrorAndDoesNotEscape() throws Exception {
        Session session = loggedIn();
        GroupChat request = new GroupChat(13, ME, "wsp", 1, "hi", null, null);
        doThrow(new IllegalStateException("database down")).when(groupChat).handle(any(), any());

        assertDoesNotThrow(() -> dispatcher.dispatch(session, request));

        Message.Error error = (Message.Error) channel.onlyReply();
        assertEquals(ErrorCode.SERVER_ERROR.code(), error.errno());
        assertEquals(13, error.seq());
        assertEquals(10, error.req());
        assertFalse(error.errmsg().contains("database down"), "internals stay in the log: " + error.errmsg());
    }

    @Test
    void aCrashDuringLoginIsAnsweredWithALoginAckBecauseTheOriginalClientWaitsForOne() throws Exception {
        Session session = anonymous();
        doThrow(new IllegalStateException("database down")).when(login).handle(any(), any());

        assertDoesNotThrow(() -> dispatcher.dispatch(session, new Login(2, 21, "pw")));

        LoginAck ack = (LoginAck) channel.onlyReply();
        assertEquals(ErrorCode.SERVER_ERROR.code(), ack.errno());
        assertEquals(2, ack.seq());
    }

    @Test
    void aCrashDuringRegisterIsAnsweredWithARegisterAck() throws Exception {
        Session session = anonymous();
        doThrow(new IllegalStateException("database down")).when(register).handle(any(), any());

        assertDoesNotThrow(() -> dispatcher.dispatch(session, new Register(null, "wei", "pw")));

        RegisterAck ack = (RegisterAck) channel.onlyReply();
        assertEquals(ErrorCode.SERVER_ERROR.code(), ack.errno());
        assertFalse(ack.errmsg().contains("database down"));
    }

    @Test
    void theSessionKeepsWorkingAfterAFailure() throws Exception {
        Session session = loggedIn();
        doThrow(new IllegalStateException("boom")).when(contacts).handle(any(), any());
        dispatcher.dispatch(session, new ContactsRequest(1, null));

        dispatcher.dispatch(session, new Ping(2));

        assertEquals(new Pong(2), channel.messages().getLast());
    }

    // ---- disconnect ----

    @Test
    void aDroppedConnectionEndsItsSession() {
        Session session = loggedIn();

        dispatcher.disconnected(session);

        verify(sessions).close(session);
    }

    @Test
    void aDroppedConnectionTakesItsUserOffline() {
        Cluster cluster = mock(Cluster.class);
        SessionRegistry registry = new SessionRegistry(cluster, mock(Mailbox.class), () -> Long.MAX_VALUE,
                mock(ContactEvents.class));
        Dispatcher real = new Dispatcher(handlers(), registry);
        Session session = loggedIn();

        real.disconnected(session);

        assertTrue(session.user().isEmpty());
        verify(cluster).unregister(ME, channel);
        assertTrue(channel.isEmpty());
    }

    // ---- helpers ----

    private Session anonymous() {
        return new Session(channel, codec, Metrics.off());
    }

    private Session loggedIn() {
        return TestSessions.loggedIn(channel, codec, new UserRef(ME, "wsp"));
    }

    private void verifyNoHandlerCalled() {
        verifyNoInteractions(login, register, logout, oneChat, addFriend, createGroup, joinGroup, groupChat, history,
                contacts);
    }

    private void verifyHandled(Session session, Message message) throws ProtocolException {
        switch (message) {
            case Logout m -> verify(logout).handle(session, m);
            case OneChat m -> verify(oneChat).handle(session, m);
            case AddFriend m -> verify(addFriend).handle(session, m);
            case CreateGroup m -> verify(createGroup).handle(session, m);
            case JoinGroup m -> verify(joinGroup).handle(session, m);
            case GroupChat m -> verify(groupChat).handle(session, m);
            case History m -> verify(history).handle(session, m);
            case ContactsRequest m -> verify(contacts).handle(session, m);
            default -> throw new AssertionError("not a request: " + message);
        }
        verifyNoMoreInteractions(login, register, logout, oneChat, addFriend, createGroup, joinGroup, groupChat, history,
                contacts);
    }
}
