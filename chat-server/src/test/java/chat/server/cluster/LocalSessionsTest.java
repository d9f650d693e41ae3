package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import chat.server.delivery.Mailbox;
import chat.server.delivery.Outbox;
import chat.server.storage.OfflineMessageDao;
import chat.server.storage.OfflineRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
/** Handing kept chats to users connected here, as a node does once it hears the other nodes again. */
class LocalSessionsTest {
    @Mock
    private OfflineMessageDao offline;

    private LocalSessions sessions;

    @BeforeEach
    void setUp() {
        sessions = new LocalSessions(new Mailbox(offline));
    }

    @Test
    void connectedUsersGetTheirStoredChatsInOrderAndOnlyThoseAreDeleted() {
        List<String> toAnn = new ArrayList<>();
        sessions.add(1, recording(toAnn, Integer.MAX_VALUE));
        sessions.add(2, recording(new ArrayList<>(), Integer.MAX_VALUE));
        when(offline.forUser(1)).thenReturn(List.of(new OfflineRow(7, 1, "{\"msgid\":6,\"msg\":\"a\"}"),
                new OfflineRow(9, 1, "{\"msgid\":6,\"msg\":\"b\"}")));
        when(offline.forUser(2)).thenReturn(List.of());

        sessions.handWaitingToConnected();

        assertEquals(List.of("{\"msgid\":6,\"msg\":\"a\"}\n", "{\"msgid\":6,\"msg\":\"b\"}\n"), toAnn);
        verify(offline).deleteUpTo(1, 9);
        verify(offline, never()).deleteUpTo(eq(2), anyLong());
    }

    @Test
    void whatTheConnectionRefusesStaysStored() {
        List<String> toBob = new ArrayList<>();
        sessions.add(3, recording(toBob, 1));
        when(offline.forUser(3)).thenReturn(List.of(new OfflineRow(4, 3, "{\"n\":1}"), new OfflineRow(5, 3, "{\"n\":2}")));

        sessions.handWaitingToConnected();

        assertEquals(List.of("{\"n\":1}\n"), toBob);
        verify(offline).deleteUpTo(3, 4);
    }

    @Test
    void aDatabaseFailureIsLoggedNotThrown() {
        sessions.add(1, mock(Outbox.class));
        when(offline.forUser(anyInt())).thenThrow(new IllegalStateException("database down"));

        sessions.handWaitingToConnected();

        verify(offline, never()).deleteUpTo(anyInt(), anyLong());
    }

    @Test
    void aChatForAUserWhoJustLeftThisNodeIsKept() {
        byte[] line = "left already\n".getBytes(StandardCharsets.UTF_8);

        sessions.deliverOrKeep(8, line);

        verify(offline).insert(8, "left already");
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

            @Override
            public CompletableFuture<Boolean> sendFirst(byte[] line) {
                throw new AssertionError("stored chats are deliveries, not replies");
            }

            @Override
            public String remoteAddress() {
                return "/127.0.0.1:40001";
            }
        };
    }
}
