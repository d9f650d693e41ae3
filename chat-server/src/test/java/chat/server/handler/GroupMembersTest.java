package chat.server.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import chat.server.routing.ClusterLink;
import chat.server.storage.GroupDao;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class GroupMembersTest {
    @Mock
    private GroupDao groups;
    @Mock
    private ClusterLink cluster;

    @Test
    void membersAreReadOnceAndThenServedFromMemory() {
        when(cluster.hearsGroupChanges()).thenReturn(true);
        when(groups.memberIds(1)).thenReturn(List.of(13, 22));
        GroupMembers members = new GroupMembers(groups, cluster);

        assertEquals(List.of(13, 22), members.of(1));
        assertEquals(List.of(13, 22), members.of(1));

        verify(groups, times(1)).memberIds(1);
    }

    @Test
    void aChangeHereIsForgottenAndAnnouncedToTheOtherNodes() {
        when(cluster.hearsGroupChanges()).thenReturn(true);
        when(groups.memberIds(1)).thenReturn(List.of(13), List.of(13, 22));
        GroupMembers members = new GroupMembers(groups, cluster);
        members.of(1);

        members.changed(1);

        assertEquals(List.of(13, 22), members.of(1));
        verify(cluster).announceGroupChange(1);
    }

    @Test
    void aChangeOnAnotherNodeOrALostLinkIsForgotten() {
        when(cluster.hearsGroupChanges()).thenReturn(true);
        when(groups.memberIds(1)).thenReturn(List.of(13), List.of(13, 22), List.of(13, 22, 30));
        GroupMembers members = new GroupMembers(groups, cluster);
        members.of(1);

        members.groupChanged(1);
        assertEquals(List.of(13, 22), members.of(1));
        members.allGroupsChanged();
        assertEquals(List.of(13, 22, 30), members.of(1));
    }

    @Test
    void whileOtherNodesCannotBeHeardEveryLookupReadsTheDatabase() {
        when(cluster.hearsGroupChanges()).thenReturn(false);
        when(groups.memberIds(1)).thenReturn(List.of(13));
        GroupMembers members = new GroupMembers(groups, cluster);

        members.of(1);
        members.of(1);

        verify(groups, times(2)).memberIds(1);
    }

    @Test
    void aListReadWhileTheGroupChangedIsNotKept() {
        when(cluster.hearsGroupChanges()).thenReturn(true);
        GroupMembers members = new GroupMembers(groups, cluster);
        when(groups.memberIds(1)).thenAnswer(inv -> {
            members.groupChanged(1);
            return List.of(13);
        }).thenReturn(List.of(13, 22));

        assertEquals(List.of(13), members.of(1));
        assertEquals(List.of(13, 22), members.of(1), "the stale read was not cached");
    }

    @Test
    void anUnknownGroupIsNotRemembered() {
        when(cluster.hearsGroupChanges()).thenReturn(true);
        when(groups.memberIds(9)).thenReturn(List.of());
        GroupMembers members = new GroupMembers(groups, cluster);

        members.of(9);
        members.of(9);

        verify(groups, times(2)).memberIds(9);
    }
}
