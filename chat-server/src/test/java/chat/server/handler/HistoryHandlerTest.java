package chat.server.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import chat.core.Codec;
import chat.core.Contacts.HistoryEntry;
import chat.core.ErrorCode;
import chat.core.Limits;
import chat.core.Message.History;
import chat.core.Message.HistoryAck;
import chat.core.ProtocolException;
import chat.server.session.RecordingChannel;
import chat.server.session.Session;
import chat.server.session.TestSessions;
import chat.server.storage.ChatMessageDao;
import chat.server.storage.ChatRow;
import chat.server.storage.GroupDao;
import chat.server.storage.UserRef;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class HistoryHandlerTest {
    private static final LocalDateTime T1 = LocalDateTime.of(2020, 2, 22, 22, 59, 56);
    private static final LocalDateTime T2 = LocalDateTime.of(2020, 2, 22, 23, 0, 1);

    @Mock
    private ChatMessageDao history;
    @Mock
    private GroupDao groups;

    private final RecordingChannel channel = new RecordingChannel();
    private final Session session = TestSessions.loggedIn(channel, new Codec(), new UserRef(22, "wsp"));
    private HistoryHandler handler;

    @BeforeEach
    void setUp() {
        handler = new HistoryHandler(history, groups);
    }

    @Test
    void pagesThroughAConversationWithAUserNewestFirstWithDefaults() throws Exception {
        when(history.conversation(22, 23, Long.MAX_VALUE, Limits.DEFAULT_HISTORY_PAGE)).thenReturn(List.of(
                new ChatRow(102, 23, "wei", 22, null, "嗨！", T2),
                new ChatRow(101, 22, "wsp", 23, null, "hello!", T1)));

        handler.handle(session, new History(4, 22, 23, null, null, null));

        assertEquals(new HistoryAck(4, List.of(
                new HistoryEntry(102, 23, "wei", 22, null, "嗨！", "2020-02-22 23:00:01"),
                new HistoryEntry(101, 22, "wsp", 23, null, "hello!", "2020-02-22 22:59:56"))), channel.onlyReply());
        verifyNoInteractions(groups);
    }

    @Test
    void passesBeforeAndLimitThrough() throws Exception {
        when(history.conversation(22, 23, 101L, 10)).thenReturn(List.of());

        handler.handle(session, new History(5, 22, 23, null, 101L, 10));

        assertEquals(new HistoryAck(5, List.of()), channel.onlyReply());
    }

    @Test
    void aMemberPagesThroughAGroup() throws Exception {
        when(groups.isMember(1, 22)).thenReturn(true);
        when(history.groupHistory(1, Long.MAX_VALUE, Limits.DEFAULT_HISTORY_PAGE)).thenReturn(List.of(
                new ChatRow(300, 13, "zhang san", null, 1, "hi all", T1)));

        handler.handle(session, new History(6, 22, null, 1, null, null));

        assertEquals(new HistoryAck(6, List.of(
                new HistoryEntry(300, 13, "zhang san", null, 1, "hi all", "2020-02-22 22:59:56"))), channel.onlyReply());
    }

    @Test
    void aGroupPageHonoursBeforeAndLimit() throws Exception {
        when(groups.isMember(1, 22)).thenReturn(true);
        when(history.groupHistory(1, 300L, 2)).thenReturn(List.of());

        handler.handle(session, new History(7, 22, null, 1, 300L, 2));

        verify(history).groupHistory(1, 300L, 2);
    }

    @Test
    void aNonMemberMayNotReadAGroup() {
        when(groups.isMember(1, 22)).thenReturn(false);

        ProtocolException e = assertThrows(ProtocolException.class,
                () -> handler.handle(session, new History(8, 22, null, 1, null, null)));

        assertEquals(ErrorCode.FORBIDDEN, e.code());
        verify(history, never()).groupHistory(anyInt(), anyLong(), anyInt());
        assertTrue(channel.isEmpty());
    }

    @Test
    void aConversationIsAlwaysReadFromTheSessionsUsersSide() throws Exception {
        when(history.conversation(22, 13, Long.MAX_VALUE, Limits.DEFAULT_HISTORY_PAGE)).thenReturn(List.of());

        handler.handle(session, new History(null, null, 13, null, null, null));

        verify(history).conversation(22, 13, Long.MAX_VALUE, Limits.DEFAULT_HISTORY_PAGE);
        assertEquals(new HistoryAck(null, List.of()), channel.onlyReply());
    }
}
