package chat.server.session;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import chat.core.Codec;
import chat.core.Contacts.Friend;
import chat.core.Contacts;
import chat.core.Message.Presence;
import chat.server.cluster.Cluster;
import chat.server.delivery.Mailbox;
import chat.server.directory.ContactEvents;
import chat.server.directory.GroupMembers;
import chat.server.ops.Metrics;
import chat.server.storage.FriendDao;
import chat.server.storage.GroupDao;
import chat.server.storage.UserRef;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
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
    @Mock
    private FriendDao friends;
    @Mock
    private GroupDao groups;

    private final Codec codec = new Codec();
    private final RecordingChannel channel = new RecordingChannel();
    private SessionRegistry sessions;

    @BeforeEach
    void setUp() {
        ContactEvents events = new ContactEvents(friends, new GroupMembers(groups, cluster, Clock.systemUTC()),
                cluster, codec);
        sessions = new SessionRegistry(cluster, mailbox, () -> Long.MAX_VALUE, events);
    }

    @Test
    void closingASessionWithoutAUserDoesNothing() {
        sessions.close(new Session(channel, codec, Metrics.off()));

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

    @Test
    void closingTellsTheUsersOnlineFriendsThatTheyWentOfflineOnce() {
        Session session = TestSessions.loggedIn(channel, codec, GAO);
        when(friends.friendIdsOf(21)).thenReturn(List.of(13, 14));
        when(cluster.online(List.of(13, 14))).thenReturn(Set.of(14));

        sessions.close(session);
        sessions.close(session);

        InOrder order = inOrder(cluster);
        order.verify(cluster).unregister(21, channel);
        order.verify(cluster).sendEvent(14, codec.encodeLine(
                new Presence(null, new Friend(21, "gao yang", Contacts.OFFLINE))));
        verify(cluster, never()).sendEvent(eq(13), any());
        verify(friends, times(1)).friendIdsOf(21);
    }

    @Test
    void aFailureToTellFriendsStillClosesTheSession() {
        Session session = TestSessions.loggedIn(channel, codec, GAO);
        when(friends.friendIdsOf(21)).thenThrow(new IllegalStateException("the database is gone"));

        sessions.close(session);

        assertTrue(session.user().isEmpty());
        verify(cluster).unregister(21, channel);
        verify(cluster, never()).sendEvent(anyInt(), any());
    }
}
