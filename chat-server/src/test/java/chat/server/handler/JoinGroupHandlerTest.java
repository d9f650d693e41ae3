package chat.server.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import chat.core.Codec;
import chat.core.Contacts.Group;
import chat.core.Contacts.Member;
import chat.core.Contacts;
import chat.core.ErrorCode;
import chat.core.Message.JoinGroup;
import chat.core.Message.JoinGroupAck;
import chat.core.Message.MemberJoined;
import chat.core.ProtocolException;
import chat.server.cluster.Cluster;
import chat.server.directory.ContactBook;
import chat.server.directory.ContactEvents;
import chat.server.directory.GroupMembers;
import chat.server.session.RecordingChannel;
import chat.server.session.Session;
import chat.server.session.TestSessions;
import chat.server.storage.FriendDao;
import chat.server.storage.GroupDao;
import chat.server.storage.GroupRow;
import chat.server.storage.MemberRow;
import chat.server.storage.MessageIds;
import chat.server.storage.UserRef;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class JoinGroupHandlerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);
    /** Where chats count from for someone who registers or joins now. */
    private static final long FROM = MessageIds.positionAt(CLOCK.millis());
    private static final GroupRow GROUP = new GroupRow(1, "g", "d");

    @Mock
    private GroupDao groups;
    @Mock
    private FriendDao friends;
    @Mock
    private Cluster cluster;

    private final Codec codec = new Codec();
    private final RecordingChannel channel = new RecordingChannel();
    private final Session session = TestSessions.loggedIn(channel, codec, new UserRef(22, "wsp"));
    private JoinGroupHandler handler;

    @BeforeEach
    void setUp() {
        GroupMembers members = new GroupMembers(groups, cluster, CLOCK);
        handler = new JoinGroupHandler(groups, members, new ContactBook(friends, groups, cluster),
                new ContactEvents(friends, members, cluster, codec));
    }

    @Test
    void joinsAndAcksWithTheGroupAndItsMembers() throws Exception {
        when(groups.findById(1)).thenReturn(Optional.of(GROUP));
        when(groups.join(1, 22, FROM)).thenReturn(true);
        when(groups.membersOf(1)).thenReturn(List.of(new MemberRow(1, 13, "zhang san", GroupDao.CREATOR),
                new MemberRow(1, 22, "wsp", GroupDao.NORMAL)));
        when(cluster.online(any())).thenReturn(Set.of(22));

        handler.handle(session, new JoinGroup(3, 22, 1));

        assertEquals(new JoinGroupAck(3, new Group(1, "g", "d", List.of(
                new Member(13, "zhang san", Contacts.OFFLINE, Contacts.CREATOR),
                new Member(22, "wsp", Contacts.ONLINE, Contacts.NORMAL)))), channel.onlyReply());
    }

    @Test
    void theNewMemberJoinsAsNormalAndTheOriginalClientGetsNoAnswer() throws Exception {
        when(groups.findById(1)).thenReturn(Optional.of(GROUP));
        when(groups.join(1, 22, FROM)).thenCallRealMethod();
        when(groups.isMember(1, 22)).thenReturn(false);

        handler.handle(session, new JoinGroup(null, 22, 1));

        verify(groups).insertMember(1, 22, "normal", FROM);
        assertTrue(channel.isEmpty());
    }

    @Test
    void anUnknownGroupIsNotFound() {
        when(groups.findById(9)).thenReturn(Optional.empty());

        ProtocolException e = assertThrows(ProtocolException.class,
                () -> handler.handle(session, new JoinGroup(4, 22, 9)));

        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("9"), e.getMessage());
        verify(groups, never()).join(anyInt(), anyInt(), anyLong());
        assertTrue(channel.isEmpty());
    }

    @Test
    void anExistingMemberIsAConflictAndNothingIsStoredTwice() {
        when(groups.findById(1)).thenReturn(Optional.of(GROUP));
        when(groups.join(1, 22, FROM)).thenCallRealMethod();
        when(groups.isMember(1, 22)).thenReturn(true);

        ProtocolException e = assertThrows(ProtocolException.class,
                () -> handler.handle(session, new JoinGroup(5, 22, 1)));

        assertEquals(ErrorCode.CONFLICT, e.code());
        verify(groups, never()).insertMember(anyInt(), anyInt(), anyString(), anyLong());
        assertTrue(channel.isEmpty());
    }

    @Test
    void aJoinIsAnnouncedSoEveryNodeForgetsTheGroupsMemberList() throws Exception {
        when(groups.findById(1)).thenReturn(Optional.of(GROUP));
        when(groups.join(1, 22, FROM)).thenReturn(true);

        handler.handle(session, new JoinGroup(null, null, 1));

        verify(cluster).announceGroupChange(1);
    }

    @Test
    void aRefusedJoinAnnouncesNothing() {
        when(groups.findById(1)).thenReturn(Optional.of(GROUP));
        when(groups.join(1, 22, FROM)).thenReturn(false);

        assertThrows(ProtocolException.class, () -> handler.handle(session, new JoinGroup(null, null, 1)));

        verify(cluster, never()).announceGroupChange(anyInt());
    }

    @Test
    void theOtherMembersHearWhoJoined() throws Exception {
        when(groups.findById(1)).thenReturn(Optional.of(GROUP));
        when(groups.join(1, 22, FROM)).thenReturn(true);
        when(cluster.membershipVersion(1)).thenReturn(OptionalLong.of(1));
        when(groups.memberIds(1)).thenReturn(List.of(13, 22, 24));

        handler.handle(session, new JoinGroup(null, null, 1));

        byte[] joined = codec.encodeLine(new MemberJoined(null, 1, new Member(22, "wsp", Contacts.ONLINE,
                Contacts.NORMAL)));
        verify(cluster).sendEvent(13, joined);
        verify(cluster).sendEvent(24, joined);
        verify(cluster, never()).sendEvent(eq(22), any());
    }
}
