package chat.server.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.Member;
import chat.core.Contacts;
import chat.server.cluster.Cluster;
import chat.server.storage.FriendDao;
import chat.server.storage.GroupDao;
import chat.server.storage.GroupRow;
import chat.server.storage.MemberRow;
import chat.server.storage.UserRef;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class ContactBookTest {
    @Mock
    private FriendDao friends;
    @Mock
    private GroupDao groups;
    @Mock
    private Cluster cluster;

    private ContactBook book;

    @BeforeEach
    void setUp() {
        book = new ContactBook(friends, groups, cluster);
    }

    @Test
    void friendsCarryTheirOnlineStateAskedForInOneCall() {
        when(friends.friendsOf(22)).thenReturn(List.of(new UserRef(13, "zhang san"), new UserRef(23, "wei")));
        onlineAre(23);

        assertEquals(List.of(new Friend(13, "zhang san", Contacts.OFFLINE), new Friend(23, "wei", Contacts.ONLINE)),
                book.friendsOf(22));
        verify(cluster).online(List.of(13, 23));
    }

    @Test
    void groupsListEveryMemberWithRoleAndState() {
        when(groups.groupsOf(22)).thenReturn(List.of(new GroupRow(1, "g", "d"), new GroupRow(2, "h", "e")));
        when(groups.membersOf(1)).thenReturn(List.of(new MemberRow(1, 13, "zhang san", GroupDao.CREATOR),
                new MemberRow(1, 22, "wsp", GroupDao.NORMAL)));
        when(groups.membersOf(2)).thenReturn(List.of(new MemberRow(2, 22, "wsp", GroupDao.CREATOR)));
        onlineAre(13);

        assertEquals(List.of(
                new Group(1, "g", "d", List.of(new Member(13, "zhang san", Contacts.ONLINE, Contacts.CREATOR),
                        new Member(22, "wsp", Contacts.OFFLINE, Contacts.NORMAL))),
                new Group(2, "h", "e", List.of(new Member(22, "wsp", Contacts.OFFLINE, Contacts.CREATOR)))),
                book.groupsOf(22));
    }

    @Test
    void aGroupWithoutDescriptionShowsAnEmptyOne() {
        when(groups.membersOf(3)).thenReturn(List.of());

        assertEquals(new Group(3, "g", "", List.of()), book.describe(new GroupRow(3, "g", null)));
    }

    @Test
    void aSingleFriendCarriesTheirState() {
        onlineAre(23);

        assertEquals(new Friend(23, "wei", Contacts.ONLINE), book.friend(new UserRef(23, "wei")));
        assertEquals(new Friend(24, "li", Contacts.OFFLINE), book.friend(new UserRef(24, "li")));
    }

    @Test
    void aFriendListCutToFitAnAnswerStillNamesEveryFriendToTell() {
        List<UserRef> many = IntStream.range(0, 2000).mapToObj(i -> new UserRef(1000 + i, "friend-" + i)).toList();
        when(friends.friendsOf(22)).thenReturn(many);
        onlineAre(1000, 2999);

        ContactBook.FriendList list = book.friendListOf(22);

        assertTrue(list.shown().size() < many.size(), "2000 friends do not fit one answer");
        assertEquals(new Friend(1000, "friend-0", Contacts.ONLINE), list.shown().getFirst());
        assertEquals(many.stream().map(UserRef::id).toList(), list.allIds());
        verify(friends).friendsOf(22);
    }

    @Test
    void noFriendsAndNoGroupsAreEmptyLists() {
        assertEquals(List.of(), book.friendsOf(22));
        assertEquals(List.of(), book.groupsOf(22));
    }

    private void onlineAre(Integer... ids) {
        Set<Integer> online = Set.of(ids);
        when(cluster.online(any())).thenAnswer(inv -> {
            Collection<Integer> asked = inv.getArgument(0);
            return asked.stream().filter(online::contains).collect(Collectors.toSet());
        });
    }
}
