package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import chat.server.delivery.Mailbox;
import chat.server.ops.Metrics;
import chat.server.session.RecordingChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class StandaloneClusterTest {
    private static final byte[] LINE = "{\"msgid\":6,\"msg\":\"hi\"}\n".getBytes(StandardCharsets.UTF_8);

    @Mock
    private Mailbox mailbox;

    @Test
    void aUserWithASessionOnThisNodeIsRefusedAndTheExistingSessionKept() {
        Cluster cluster = Cluster.standalone(mailbox, Metrics.off());
        RecordingChannel existing = new RecordingChannel();
        assertTrue(cluster.register(21, existing, false));

        assertFalse(cluster.register(21, new RecordingChannel(), false));

        cluster.send(21, 121L, LINE);
        assertEquals(1, existing.sent().size(), "the existing session still gets the user's chats");
    }

    @Test
    void aStaleSessionDoesNotEvictTheConnectionThatNowHoldsTheUser() {
        Cluster cluster = Cluster.standalone(mailbox, Metrics.off());
        RecordingChannel old = new RecordingChannel();
        RecordingChannel newer = new RecordingChannel();
        cluster.register(21, old, false);
        cluster.unregister(21, old);
        cluster.register(21, newer, false);

        cluster.unregister(21, old);

        assertEquals(Set.of(21), cluster.online(List.of(21, 22)));
        cluster.send(21, 121L, LINE);
        assertEquals(1, newer.sent().size());
    }

    @Test
    void aChatForSomeoneNotHereIsReportedMissed() {
        Cluster cluster = Cluster.standalone(mailbox, Metrics.off());

        cluster.send(22, 122L, LINE);

        verify(mailbox).missed(22, 122L, Mailbox.Miss.NOBODY_TOOK_IT);
    }

    @Test
    void aChatForSomeoneHereGoesToTheirConnection() {
        Cluster cluster = Cluster.standalone(mailbox, Metrics.off());
        RecordingChannel channel = new RecordingChannel();
        cluster.register(21, channel, false);

        cluster.send(21, 121L, LINE);

        assertEquals(List.of(21), channel.sent().stream().map(RecordingChannel.Sent::recipientId).toList());
        verifyNoInteractions(mailbox);
    }

    @Test
    void aMembershipChangeMovesThatGroupsVersionOnly() {
        Cluster cluster = Cluster.standalone(mailbox, Metrics.off());
        long one = cluster.membershipVersion(1).orElseThrow();
        long two = cluster.membershipVersion(2).orElseThrow();

        cluster.announceGroupChange(1);

        assertNotEquals(one, cluster.membershipVersion(1).orElseThrow());
        assertEquals(two, cluster.membershipVersion(2).orElseThrow());
    }
}
