package chat.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import chat.server.storage.OfflineMessageDao;
import chat.server.storage.OfflineRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class MailboxTest {
    @Mock
    private OfflineMessageDao offline;

    @Test
    void aKeptLineIsStoredWithoutItsNewline() {
        new Mailbox(offline).keep(21, "{\"msgid\":6,\"msg\":\"你好\"}\n".getBytes(StandardCharsets.UTF_8));

        verify(offline).insert(21, "{\"msgid\":6,\"msg\":\"你好\"}");
    }

    @Test
    void whatWaitsComesInOrderAndLeavesOnlyUpToTheLastOneHandedOver() {
        when(offline.forUser(21)).thenReturn(List.of(new OfflineRow(40, 21, "a"), new OfflineRow(41, 21, "b")));
        Mailbox mailbox = new Mailbox(offline);

        Mailbox.Waiting waiting = mailbox.waiting(21);
        mailbox.handedOver(21, waiting);

        assertEquals(List.of("a", "b"), waiting.messages());
        verify(offline).deleteUpTo(21, 41L);
    }

    @Test
    void handingOverNothingDeletesNothing() {
        when(offline.forUser(21)).thenReturn(List.of());
        Mailbox mailbox = new Mailbox(offline);

        Mailbox.Waiting waiting = mailbox.waiting(21);
        mailbox.handedOver(21, waiting);

        assertTrue(waiting.isEmpty());
        verify(offline, never()).deleteUpTo(anyInt(), anyLong());
    }
}
