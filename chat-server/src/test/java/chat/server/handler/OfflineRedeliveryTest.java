package chat.server.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import chat.server.routing.LocalSessions;
import chat.server.routing.Outbox;
import chat.server.storage.OfflineMessageDao;
import chat.server.storage.OfflineRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class OfflineRedeliveryTest {
    @Mock
    private OfflineMessageDao offline;

    private final LocalSessions sessions = new LocalSessions();

    @Test
    void connectedUsersGetTheirStoredChatsInOrderAndOnlyThoseAreDeleted() {
        List<String> toAnn = new ArrayList<>();
        sessions.add(1, recording(toAnn, Integer.MAX_VALUE));
        sessions.add(2, recording(new ArrayList<>(), Integer.MAX_VALUE));
        when(offline.forUser(1)).thenReturn(List.of(new OfflineRow(7, 1, "{\"msgid\":6,\"msg\":\"a\"}"),
                new OfflineRow(9, 1, "{\"msgid\":6,\"msg\":\"b\"}")));
        when(offline.forUser(2)).thenReturn(List.of());

        new OfflineRedelivery(sessions, offline).deliverToConnectedUsers();

        assertEquals(List.of("{\"msgid\":6,\"msg\":\"a\"}\n", "{\"msgid\":6,\"msg\":\"b\"}\n"), toAnn);
        verify(offline).deleteUpTo(1, 9);
        verify(offline, never()).deleteUpTo(eq(2), anyLong());
    }

    @Test
    void whatTheConnectionRefusesStaysStored() {
        List<String> toBob = new ArrayList<>();
        sessions.add(3, recording(toBob, 1));
        when(offline.forUser(3)).thenReturn(List.of(new OfflineRow(4, 3, "{\"n\":1}"), new OfflineRow(5, 3, "{\"n\":2}")));

        new OfflineRedelivery(sessions, offline).deliverToConnectedUsers();

        assertEquals(List.of("{\"n\":1}\n"), toBob);
        verify(offline).deleteUpTo(3, 4);
    }

    @Test
    void aDatabaseFailureIsLoggedNotThrown() {
        sessions.add(1, mock(Outbox.class));
        when(offline.forUser(anyInt())).thenThrow(new IllegalStateException("database down"));

        new OfflineRedelivery(sessions, offline).deliverToConnectedUsers();

        verify(offline, never()).deleteUpTo(anyInt(), anyLong());
    }

    /** An outbox that takes {@code capacity} chats, then refuses, as a full or closed connection does. */
    private static Outbox recording(List<String> lines, int capacity) {
        return new Outbox() {
            @Override
            public boolean offer(byte[] line) {
                throw new AssertionError("stored chats are deliveries, not replies");
            }

            @Override
            public boolean deliver(int recipientId, byte[] line) {
                if (lines.size() >= capacity) {
                    return false;
                }
                lines.add(new String(line, StandardCharsets.UTF_8));
                return true;
            }
        };
    }
}
