package chat.server.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import chat.server.cluster.Cluster;
import chat.server.storage.Departure;
import chat.server.storage.GroupDao;
import chat.server.storage.MessageIds;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class GroupMembersTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);
    /** Where a member who joins now starts receiving the group's chats. */
    private static final long NOW = MessageIds.positionAt(CLOCK.millis());

    @Mock
    private GroupDao groups;
    @Mock
    private Cluster cluster;

    @Test
    void membersAreReadOnceAndThenServedFromMemory() {
        when(cluster.membershipVersion(1)).thenReturn(OptionalLong.of(0));
        when(groups.memberIds(1)).thenReturn(List.of(13, 22));
        GroupMembers members = new GroupMembers(groups, cluster, CLOCK);

        assertEquals(List.of(13, 22), members.of(1));
        assertEquals(List.of(13, 22), members.of(1));

        verify(groups, times(1)).memberIds(1);
    }

    @Test
    void aJoinHereIsAnnouncedToEveryNodeAndTheNextLookupIsFresh() {
        when(cluster.membershipVersion(1)).thenReturn(OptionalLong.of(0), OptionalLong.of(1));
        when(groups.memberIds(1)).thenReturn(List.of(13), List.of(13, 22));
        when(groups.join(1, 22, NOW)).thenReturn(true);
        GroupMembers members = new GroupMembers(groups, cluster, CLOCK);
        members.of(1);

        assertTrue(members.join(1, 22));

        verify(cluster).announceGroupChange(1);
        assertEquals(List.of(13, 22), members.of(1));
    }

    @Test
    void joiningAGroupTwiceChangesNothingAndAnnouncesNothing() {
        when(groups.join(1, 22, NOW)).thenReturn(false);

        assertFalse(new GroupMembers(groups, cluster, CLOCK).join(1, 22));

        verify(cluster, never()).announceGroupChange(anyInt());
    }

    @Test
    void aLeaveHereIsAnnouncedToEveryNodeAndTheNextLookupIsFresh() {
        when(cluster.membershipVersion(1)).thenReturn(OptionalLong.of(0), OptionalLong.of(1));
        when(groups.memberIds(1)).thenReturn(List.of(13, 22), List.of(13));
        when(groups.leave(1, 22)).thenReturn(Optional.of(new Departure(null)));
        GroupMembers members = new GroupMembers(groups, cluster, CLOCK);
        members.of(1);

        assertEquals(Optional.of(new Departure(null)), members.leave(1, 22));

        verify(cluster).announceGroupChange(1);
        assertEquals(List.of(13), members.of(1));
    }

    @Test
    void leavingAGroupYouAreNotInAnnouncesNothing() {
        when(groups.leave(1, 22)).thenReturn(Optional.empty());

        assertEquals(Optional.empty(), new GroupMembers(groups, cluster, CLOCK).leave(1, 22));

        verify(cluster, never()).announceGroupChange(anyInt());
    }

    @Test
    void aChangeOnAnotherNodeOrALostLinkIsForgotten() {
        when(cluster.membershipVersion(1)).thenReturn(OptionalLong.of(0), OptionalLong.of(1),
                OptionalLong.of(1L << 32 | 1));
        when(groups.memberIds(1)).thenReturn(List.of(13), List.of(13, 22), List.of(13, 22, 30));
        GroupMembers members = new GroupMembers(groups, cluster, CLOCK);
        members.of(1);

        assertEquals(List.of(13, 22), members.of(1));
        assertEquals(List.of(13, 22, 30), members.of(1));
    }

    @Test
    void whileOtherNodesCannotBeHeardEveryLookupReadsTheDatabase() {
        when(cluster.membershipVersion(1)).thenReturn(OptionalLong.empty());
        when(groups.memberIds(1)).thenReturn(List.of(13));
        GroupMembers members = new GroupMembers(groups, cluster, CLOCK);

        members.of(1);
        members.of(1);

        verify(groups, times(2)).memberIds(1);
    }

    @Test
    void aListReadWhileTheGroupChangedIsNotKept() {
        // The version is taken before the read; the change during the read moves it, so the next lookup reads again.
        when(cluster.membershipVersion(1)).thenReturn(OptionalLong.of(0), OptionalLong.of(1));
        when(groups.memberIds(1)).thenReturn(List.of(13), List.of(13, 22));
        GroupMembers members = new GroupMembers(groups, cluster, CLOCK);

        assertEquals(List.of(13), members.of(1));
        assertEquals(List.of(13, 22), members.of(1), "the stale read was not trusted");
    }

    @Test
    void anUnknownGroupIsNotRemembered() {
        when(cluster.membershipVersion(9)).thenReturn(OptionalLong.of(0));
        when(groups.memberIds(9)).thenReturn(List.of());
        GroupMembers members = new GroupMembers(groups, cluster, CLOCK);

        members.of(9);
        members.of(9);

        verify(groups, times(2)).memberIds(9);
    }
}
