package chat.server.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import chat.core.Codec;
import chat.core.ErrorCode;
import chat.core.Message.FriendRemoved;
import chat.core.Message.RemoveFriend;
import chat.core.Message.RemoveFriendAck;
import chat.core.ProtocolException;
import chat.server.cluster.Cluster;
import chat.server.directory.ContactEvents;
import chat.server.directory.GroupMembers;
import chat.server.session.RecordingChannel;
import chat.server.session.Session;
import chat.server.session.TestSessions;
import chat.server.storage.FriendDao;
import chat.server.storage.GroupDao;
import chat.server.storage.UserRef;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class RemoveFriendHandlerTest {
    @Mock
    private FriendDao friends;
    @Mock
    private GroupDao groups;
    @Mock
    private Cluster cluster;

    private final Codec codec = new Codec();
    private final RecordingChannel channel = new RecordingChannel();
    private final Session session = TestSessions.loggedIn(channel, codec, new UserRef(22, "wsp"));
    private RemoveFriendHandler handler;

    @BeforeEach
    void setUp() {
        ContactEvents events = new ContactEvents(friends, new GroupMembers(groups, cluster, Clock.systemUTC()),
                cluster, codec);
        handler = new RemoveFriendHandler(friends, events);
    }

    @Test
    void endsTheFriendshipAcksAndTheFormerFriendHears() throws Exception {
        when(friends.removeMutual(22, 23)).thenReturn(true);

        handler.handle(session, new RemoveFriend(5, 23));

        assertEquals(new RemoveFriendAck(5, 23), channel.onlyReply());
        verify(cluster).sendEvent(23, codec.encodeLine(new FriendRemoved(null, 22, "wsp")));
    }

    @Test
    void someoneWhoIsNotYourFriendIsNotFoundAndHearsNothing() {
        when(friends.removeMutual(22, 24)).thenReturn(false);

        ProtocolException e = assertThrows(ProtocolException.class,
                () -> handler.handle(session, new RemoveFriend(6, 24)));

        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertEquals("user 24 is not your friend", e.getMessage());
        assertTrue(channel.isEmpty());
        verify(cluster, never()).sendEvent(anyInt(), any());
    }
}
