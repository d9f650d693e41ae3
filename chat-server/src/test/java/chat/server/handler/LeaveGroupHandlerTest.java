package chat.server.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import chat.core.Codec;
import chat.core.ErrorCode;
import chat.core.Message.LeaveGroup;
import chat.core.Message.LeaveGroupAck;
import chat.core.Message.MemberLeft;
import chat.core.ProtocolException;
import chat.server.cluster.Cluster;
import chat.server.directory.ContactEvents;
import chat.server.directory.GroupMembers;
import chat.server.session.RecordingChannel;
import chat.server.session.Session;
import chat.server.session.TestSessions;
import chat.server.storage.Departure;
import chat.server.storage.FriendDao;
import chat.server.storage.GroupDao;
import chat.server.storage.GroupRow;
import chat.server.storage.UserRef;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class LeaveGroupHandlerTest {
    @Mock
    private GroupDao groups;
    @Mock
    private FriendDao friends;
    @Mock
    private Cluster cluster;

    private final Codec codec = new Codec();
    private final RecordingChannel channel = new RecordingChannel();
    private final Session session = TestSessions.loggedIn(channel, codec, new UserRef(22, "wsp"));
    private LeaveGroupHandler handler;

    @BeforeEach
    void setUp() {
        GroupMembers members = new GroupMembers(groups, cluster, Clock.systemUTC());
        handler = new LeaveGroupHandler(groups, members, new ContactEvents(friends, members, cluster, codec));
    }

    @Test
    void leavesAcksAndTellsEveryNodeAndTheMembersWhoStay() throws Exception {
        when(groups.leave(1, 22)).thenReturn(Optional.of(new Departure(null)));
        when(cluster.membershipVersion(1)).thenReturn(OptionalLong.of(1));
        when(groups.memberIds(1)).thenReturn(List.of(13, 24));

        handler.handle(session, new LeaveGroup(5, 1));

        assertEquals(new LeaveGroupAck(5, 1), channel.onlyReply());
        verify(cluster).announceGroupChange(1);
        byte[] left = codec.encodeLine(new MemberLeft(null, 1, 22, "wsp", null));
        verify(cluster).sendEvent(13, left);
        verify(cluster).sendEvent(24, left);
    }

    @Test
    void whenTheCreatorLeavesTheMembersHearWhoIsCreatorNow() throws Exception {
        when(groups.leave(1, 22)).thenReturn(Optional.of(new Departure(13)));
        when(cluster.membershipVersion(1)).thenReturn(OptionalLong.of(1));
        when(groups.memberIds(1)).thenReturn(List.of(13));

        handler.handle(session, new LeaveGroup(null, 1));

        verify(cluster).sendEvent(13, codec.encodeLine(new MemberLeft(null, 1, 22, "wsp", 13)));
        assertTrue(channel.isEmpty(), "no seq, no ack");
    }

    @Test
    void aGroupYouAreNotInIsNotFoundAndNobodyHears() {
        when(groups.leave(1, 22)).thenReturn(Optional.empty());
        when(groups.findById(1)).thenReturn(Optional.of(new GroupRow(1, "g", "d")));

        ProtocolException e = assertThrows(ProtocolException.class,
                () -> handler.handle(session, new LeaveGroup(6, 1)));

        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertEquals("you are not a member of group 1", e.getMessage());
        verify(cluster, never()).announceGroupChange(anyInt());
        verify(cluster, never()).sendEvent(anyInt(), any());
    }

    @Test
    void anUnknownGroupIsNotFound() {
        when(groups.leave(9, 22)).thenReturn(Optional.empty());
        when(groups.findById(9)).thenReturn(Optional.empty());

        ProtocolException e = assertThrows(ProtocolException.class,
                () -> handler.handle(session, new LeaveGroup(7, 9)));

        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertEquals("no group with id 9", e.getMessage());
        verify(cluster, never()).sendEvent(eq(22), any());
    }
}
