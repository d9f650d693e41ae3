package chat.server.session;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import chat.core.Codec;
import chat.server.cluster.Cluster;
import chat.server.delivery.Mailbox;
import chat.server.storage.UserRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** Closing sessions; opening them is driven through the login handler's tests. */
@ExtendWith(MockitoExtension.class)
class SessionRegistryTest {
    private static final UserRef GAO = new UserRef(21, "gao yang");

    @Mock
    private Cluster cluster;
    @Mock
    private Mailbox mailbox;

    private final Codec codec = new Codec();
    private final RecordingChannel channel = new RecordingChannel();
    private SessionRegistry sessions;

    @BeforeEach
    void setUp() {
        sessions = new SessionRegistry(cluster, mailbox, () -> Long.MAX_VALUE);
    }

    @Test
    void closingASessionWithoutAUserDoesNothing() {
        sessions.close(new Session(channel, codec));

        verifyNoInteractions(cluster);
        assertTrue(channel.isEmpty());
    }

    @Test
    void closingADroppedConnectionLogsItsUserOutWithoutAnswering() {
        Session session = TestSessions.loggedIn(channel, codec, GAO);

        sessions.close(session);

        assertTrue(session.user().isEmpty());
        verify(cluster).unregister(21, channel);
        assertTrue(channel.isEmpty());
    }

    @Test
    void closingTwiceIsHarmless() {
        Session session = TestSessions.loggedIn(channel, codec, GAO);

        sessions.close(session);
        sessions.close(session);

        verify(cluster, times(1)).unregister(21, channel);
    }
}
