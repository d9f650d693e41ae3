package chat.server.handler;

import static chat.server.handler.StoredChats.committed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import chat.core.Codec;
import chat.core.ErrorCode;
import chat.core.Message.GroupChat;
import chat.core.Message.GroupChatAck;
import chat.core.ProtocolException;
import chat.server.cluster.Cluster;
import chat.server.delivery.Mailbox;
import chat.server.directory.GroupMembers;
import chat.server.ops.Metrics;
import chat.server.session.RecordingChannel;
import chat.server.session.Session;
import chat.server.session.TestSessions;
import chat.server.storage.ChatStore;
import chat.server.storage.GroupDao;
import chat.server.storage.GroupRow;
import chat.server.storage.NewChat;
import chat.server.storage.UserRef;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class GroupChatHandlerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);
    private static final LocalDateTime NOW = LocalDateTime.of(2024, 5, 6, 7, 8, 9);
    private static final String NOW_TEXT = "2024-05-06 07:08:09";

    @Mock
    private GroupDao groups;
    @Mock
    private ChatStore history;
    @Mock
    private Cluster cluster;

    private final Codec codec = new Codec();
    private final RecordingChannel channel = new RecordingChannel();
    private final Session session = TestSessions.loggedIn(channel, codec, new UserRef(21, "gao yang"));
    private GroupChatHandler handler;

    @BeforeEach
    void setUp() {
        GroupMembers members = new GroupMembers(groups, Cluster.standalone(mock(Mailbox.class), Metrics.off()), CLOCK);
        handler = new GroupChatHandler(members, groups, history, cluster, codec, CLOCK);
    }

    @Test
    void deliversToEveryOtherMemberButNotTheSender() throws Exception {
        when(groups.memberIds(1)).thenReturn(List.of(13, 21, 22));
        when(history.store(new NewChat(21, null, 1, "hi all", NOW))).thenReturn(committed(300L));

        handler.handle(session, new GroupChat(4, 21, "gao yang", 1, "hi all", null, null));

        ArgumentCaptor<byte[]> lines = ArgumentCaptor.forClass(byte[].class);
        verify(cluster).send(eq(13), anyLong(), lines.capture());
        verify(cluster).send(eq(22), anyLong(), lines.capture());
        verify(cluster, never()).send(eq(21), anyLong(), any());
        assertArrayEquals(lines.getAllValues().get(0), lines.getAllValues().get(1), "everyone gets the same line");
        assertEquals(new GroupChat(null, 21, "gao yang", 1, "hi all", NOW_TEXT, 300L),
                codec.decode(lines.getAllValues().getFirst()));
        assertEquals(new GroupChatAck(4, 300L, NOW_TEXT), channel.onlyReply());
    }

    @Test
    void theOriginalClientGetsNoAnswerAndItsNameAndTimeAreReplaced() throws Exception {
        when(groups.memberIds(1)).thenReturn(List.of(13, 21));
        when(history.store(new NewChat(21, null, 1, "hi", NOW))).thenReturn(committed(301L));

        handler.handle(session, new GroupChat(null, 21, "forged", 1, "hi", "2020-02-22 22:59:56", null));

        ArgumentCaptor<byte[]> line = ArgumentCaptor.forClass(byte[].class);
        verify(cluster).send(eq(13), anyLong(), line.capture());
        GroupChat got = (GroupChat) codec.decode(line.getValue());
        assertEquals("gao yang", got.name());
        assertEquals(21, got.id());
        assertEquals(NOW_TEXT, got.time());
        assertTrue(channel.isEmpty());
    }

    @Test
    void aMalformedTimeIsReplacedByTheServers() throws Exception {
        when(groups.memberIds(1)).thenReturn(List.of(13, 21));
        when(history.store(new NewChat(21, null, 1, "hi", NOW))).thenReturn(committed(302L));

        handler.handle(session, new GroupChat(null, 21, "gao yang", 1, "hi", "soon", null));

        ArgumentCaptor<byte[]> line = ArgumentCaptor.forClass(byte[].class);
        verify(cluster).send(eq(13), anyLong(), line.capture());
        assertEquals(NOW_TEXT, ((GroupChat) codec.decode(line.getValue())).time());
    }

    @Test
    void theMessageIsStoredOnceBeforeItIsRouted() throws Exception {
        when(groups.memberIds(1)).thenReturn(List.of(13, 21, 22));
        when(history.store(new NewChat(21, null, 1, "hi", NOW))).thenReturn(committed(303L));

        handler.handle(session, new GroupChat(null, 21, "gao yang", 1, "hi", null, null));

        InOrder order = inOrder(history, cluster);
        order.verify(history).store(new NewChat(21, null, 1, "hi", NOW));
        order.verify(cluster, times(2)).send(anyInt(), anyLong(), any());
        verify(history).store(any());
    }

    @Test
    void aLoneMemberStillStoresAndGetsTheAck() throws Exception {
        when(groups.memberIds(1)).thenReturn(List.of(21));
        when(history.store(new NewChat(21, null, 1, "echo?", NOW))).thenReturn(committed(304L));

        handler.handle(session, new GroupChat(5, 21, "gao yang", 1, "echo?", null, null));

        verifyNoInteractions(cluster);
        assertEquals(new GroupChatAck(5, 304L, NOW_TEXT), channel.onlyReply());
    }

    @Test
    void aNonMemberIsForbidden() {
        when(groups.memberIds(1)).thenReturn(List.of(13, 22));
        when(groups.findById(1)).thenReturn(Optional.of(new GroupRow(1, "g", "d")));

        ProtocolException e = assertThrows(ProtocolException.class,
                () -> handler.handle(session, new GroupChat(6, 21, "gao yang", 1, "let me in", null, null)));

        assertEquals(ErrorCode.FORBIDDEN, e.code());
        verifyNoInteractions(history, cluster);
        assertTrue(channel.isEmpty());
    }

    @Test
    void aGroupThatDoesNotExistIsNotFound() {
        when(groups.memberIds(9)).thenReturn(List.of());
        when(groups.findById(9)).thenReturn(Optional.empty());

        ProtocolException e = assertThrows(ProtocolException.class,
                () -> handler.handle(session, new GroupChat(7, 21, "gao yang", 9, "anyone?", null, null)));

        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("9"), e.getMessage());
        verifyNoInteractions(history, cluster);
    }
}
