package chat.server.handler;

import static chat.server.handler.StoredChats.committed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import chat.core.Codec;
import chat.core.ErrorCode;
import chat.core.Message.OneChat;
import chat.core.Message.OneChatAck;
import chat.core.Message;
import chat.core.ProtocolException;
import chat.server.cluster.Cluster;
import chat.server.directory.UserDirectory;
import chat.server.session.RecordingChannel;
import chat.server.session.Session;
import chat.server.session.TestSessions;
import chat.server.storage.ChatStore;
import chat.server.storage.NewChat;
import chat.server.storage.StoredChat;
import chat.server.storage.UserDao;
import chat.server.storage.UserRef;
import chat.server.storage.UserRow;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class OneChatHandlerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-06T07:08:09.750Z"), ZoneOffset.UTC);
    private static final LocalDateTime NOW = LocalDateTime.of(2024, 5, 6, 7, 8, 9);
    private static final String NOW_TEXT = "2024-05-06 07:08:09";

    @Mock
    private UserDao users;
    @Mock
    private ChatStore history;
    @Mock
    private Cluster cluster;

    private final Codec codec = new Codec();
    private final RecordingChannel channel = new RecordingChannel();
    private final Session session = TestSessions.loggedIn(channel, codec, new UserRef(22, "wsp"));
    private OneChatHandler handler;

    @BeforeEach
    void setUp() {
        handler = new OneChatHandler(new UserDirectory(users), history, cluster, codec, CLOCK);
    }

    @Test
    void storesThenRoutesWhatTheSessionsUserSaidAndAcksWithSeq() throws Exception {
        recipientExists();
        when(history.store(new NewChat(22, 23, null, "hello!", NOW))).thenReturn(committed(101L));

        handler.handle(session, new OneChat(3, 22, "wsp", 23, "hello!", null, null));

        assertEquals(new OneChat(null, 22, "wsp", 23, "hello!", NOW_TEXT, 101L), delivered(23));
        assertEquals(new OneChatAck(3, 101L, NOW_TEXT), channel.onlyReply());
    }

    @Test
    void theSeedsTestLineReachesTheRecipientWithNameAndTimeAndNoAckGoesBack() throws Exception {
        recipientExists();
        when(history.store(new NewChat(22, 23, null, "hello!", NOW))).thenReturn(committed(101L));

        // {"msgid":6,"id":22,"from":"wsp","toid":23,"msg":"hello!"}: no name, no time, no seq.
        handler.handle(session, (OneChat) codec.decode("{\"msgid\":6,\"id\":22,\"from\":\"wsp\",\"toid\":23,\"msg\":\"hello!\"}"));

        OneChat got = delivered(23);
        assertEquals("wsp", got.name());
        assertEquals(NOW_TEXT, got.time());
        assertTrue(channel.isEmpty(), "the original client gets no answer to a chat");
    }

    @Test
    void senderIdAndNameComeFromTheSessionNotTheRequest() throws Exception {
        recipientExists();
        when(history.store(new NewChat(22, 23, null, "hi", NOW))).thenReturn(committed(5L));

        handler.handle(session, new OneChat(null, 99, "mallory", 23, "hi", null, 77L));

        OneChat got = delivered(23);
        assertEquals(22, got.id());
        assertEquals("wsp", got.name());
        assertEquals(5L, got.mid(), "the server's message id, not the client's");
        verify(history).store(new NewChat(22, 23, null, "hi", NOW));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"2020-02-22 22:59:56", "+12345-01-01 00:00:00", "", "now", "2020-02-22T22:59:56",
        "2020-02-22 22:59", "2020-02-30 10:00:00", "22:59:56 2020-02-22"})
    void theServersClockStampsTheChatWhateverTheClientSaid(String time) throws Exception {
        recipientExists();
        when(history.store(new NewChat(22, 23, null, "hi", NOW))).thenReturn(committed(6L));

        handler.handle(session, new OneChat(null, 22, "wsp", 23, "hi", time, null));

        assertEquals(NOW_TEXT, delivered(23).time());
    }

    @Test
    void theMessageIsStoredBeforeItIsRouted() throws Exception {
        recipientExists();
        when(history.store(new NewChat(22, 23, null, "hi", NOW))).thenReturn(committed(6L));

        handler.handle(session, new OneChat(null, 22, "wsp", 23, "hi", null, null));

        InOrder order = inOrder(history, cluster);
        order.verify(history).store(new NewChat(22, 23, null, "hi", NOW));
        order.verify(cluster).send(eq(23), eq(6L), any());
    }

    @Test
    void theRecipientGetsTheChatAtOnceButTheSenderHearsStoredOnlyOnceItIsDurable() throws Exception {
        recipientExists();
        CompletableFuture<Void> commit = new CompletableFuture<>();
        when(history.store(new NewChat(22, 23, null, "hi", NOW))).thenReturn(new StoredChat(7L, commit));

        handler.handle(session, new OneChat(4, 22, "wsp", 23, "hi", null, null));

        assertEquals(7L, delivered(23).mid());
        assertTrue(channel.isEmpty(), "no ack before the commit");
        commit.complete(null);
        assertEquals(new OneChatAck(4, 7L, NOW_TEXT), channel.onlyReply());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(ints = 5)
    void aCommitThatFailsIsReportedToTheSenderWithOrWithoutSeq(Integer seq) throws Exception {
        recipientExists();
        when(history.store(new NewChat(22, 23, null, "hi", NOW)))
                .thenReturn(new StoredChat(7L, CompletableFuture.failedFuture(new IllegalStateException("disk"))));

        handler.handle(session, new OneChat(seq, 22, "wsp", 23, "hi", null, null));

        Message.Error error = (Message.Error) channel.onlyReply();
        assertEquals(seq, error.seq());
        assertEquals(ErrorCode.SERVER_ERROR.code(), error.errno());
        assertEquals(6, error.req());
    }

    @Test
    void nothingIsRoutedWhenStoringFails() {
        recipientExists();
        when(history.store(new NewChat(22, 23, null, "hi", NOW)))
                .thenThrow(new IllegalStateException("database down"));

        assertThrows(IllegalStateException.class,
                () -> handler.handle(session, new OneChat(1, 22, "wsp", 23, "hi", null, null)));

        verifyNoInteractions(cluster);
        assertTrue(channel.isEmpty());
    }

    @Test
    void anUnknownRecipientIsNotFound() {
        when(users.findById(99)).thenReturn(Optional.empty());

        ProtocolException e = assertThrows(ProtocolException.class,
                () -> handler.handle(session, new OneChat(2, 22, "wsp", 99, "hi", null, null)));

        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("99"), e.getMessage());
        verifyNoInteractions(history, cluster);
        assertTrue(channel.isEmpty());
    }

    @Test
    void chineseEmojiAndQuotesReachTheRecipientExactly() throws Exception {
        String text = "嗨！😀 \"q\" \\ end";
        recipientExists();
        when(history.store(any())).thenReturn(committed(8L));

        handler.handle(session, new OneChat(null, 22, "wsp", 23, text, null, null));

        assertEquals(text, delivered(23).msg());
    }

    @Test
    void theRecipientIsLookedUpOnceAndRemembered() throws Exception {
        recipientExists();
        when(history.store(any())).thenReturn(committed(1L), committed(2L));

        handler.handle(session, new OneChat(null, 22, "wsp", 23, "one", null, null));
        handler.handle(session, new OneChat(null, 22, "wsp", 23, "two", null, null));

        verify(users).findById(23);
    }

    private void recipientExists() {
        when(users.findById(23)).thenReturn(Optional.of(new UserRow(23, "wei", "hash")));
    }

    private OneChat delivered(int to) throws ProtocolException {
        ArgumentCaptor<byte[]> line = ArgumentCaptor.forClass(byte[].class);
        verify(cluster).send(eq(to), anyLong(), line.capture());
        String text = new String(line.getValue(), StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n") && text.indexOf('\n') == text.length() - 1, "one line: " + text);
        Message message = codec.decode(line.getValue());
        return (OneChat) message;
    }
}
