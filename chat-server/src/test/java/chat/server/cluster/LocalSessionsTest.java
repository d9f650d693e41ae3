package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import chat.server.delivery.Mailbox;
import chat.server.session.RecordingChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class LocalSessionsTest {
    private static final byte[] LINE = "{\"msgid\":6,\"msg\":\"hi\"}\n".getBytes(StandardCharsets.UTF_8);

    @Mock
    private Mailbox mailbox;

    private LocalSessions sessions;

    @BeforeEach
    void setUp() {
        sessions = new LocalSessions(mailbox);
    }

    @Test
    void aChatForAUserHereGoesToTheirOutboxWithItsMidAsALiveDelivery() {
        RecordingChannel channel = new RecordingChannel();
        sessions.add(8, channel, false);

        assertTrue(sessions.deliverOrMiss(8, 77L, LINE));

        assertEquals(1, channel.sent().size());
        assertEquals(8, channel.sent().getFirst().recipientId());
        assertEquals(77L, channel.sent().getFirst().mid());
        assertTrue(channel.sent().getFirst().live(), "its delivery latency is measured");
        verifyNoInteractions(mailbox);
    }

    @Test
    void aChatForAUserWhoJustLeftThisNodeIsReportedMissed() {
        assertFalse(sessions.deliverOrMiss(8, 77L, LINE));

        verify(mailbox).missed(8, 77L, Mailbox.Miss.NOBODY_TOOK_IT);
    }

    @Test
    void anEventGoesOnlyToAClientThatTakesEventsAndNeverCountsAsMissed() {
        RecordingChannel ours = new RecordingChannel();
        RecordingChannel original = new RecordingChannel();
        sessions.add(1, ours, true);
        sessions.add(2, original, false);

        assertTrue(sessions.event(1, LINE));
        assertTrue(sessions.event(2, LINE), "the user is here, so no other node needs to be asked");
        assertFalse(sessions.event(3, LINE), "nobody here");

        assertEquals(1, ours.sent().size());
        assertNull(ours.sent().getFirst().mid(), "an event is not a chat");
        assertTrue(original.sent().isEmpty());
        verifyNoInteractions(mailbox);
    }

    @Test
    void onlyTheOutboxThatHoldsTheUserCanRemoveThem() {
        RecordingChannel first = new RecordingChannel();
        sessions.add(8, first, false);

        assertFalse(sessions.add(8, new RecordingChannel(), false), "one session per user on a node");
        assertFalse(sessions.remove(8, new RecordingChannel()));
        assertTrue(sessions.contains(8));
        assertTrue(sessions.remove(8, first));
        assertFalse(sessions.contains(8));
    }

    @Test
    void afterAnOutageEveryConnectedUserGetsWhatOtherNodesCouldNotSend() {
        RecordingChannel ann = new RecordingChannel();
        RecordingChannel bob = new RecordingChannel();
        sessions.add(1, ann, false);
        sessions.add(2, bob, false);
        when(mailbox.resendFromOtherNodes(1, ann, 5_000L, 3)).thenReturn(2);
        when(mailbox.resendFromOtherNodes(2, bob, 5_000L, 3)).thenReturn(1);

        assertEquals(3, sessions.resendFromOtherNodes(5_000L, 3));
    }

    @Test
    void aDatabaseFailureDuringTheResendIsLoggedNotThrown() {
        sessions.add(1, new RecordingChannel(), false);
        when(mailbox.resendFromOtherNodes(eq(1), any(), anyLong(), anyInt()))
                .thenThrow(new IllegalStateException("database down"));

        assertEquals(0, sessions.resendFromOtherNodes(5_000L, 3));
    }
}
