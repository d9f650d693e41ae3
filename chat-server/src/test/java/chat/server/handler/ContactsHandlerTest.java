package chat.server.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import chat.core.Codec;
import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.Member;
import chat.core.Contacts;
import chat.core.Message.ContactsAck;
import chat.core.Message.ContactsRequest;
import chat.server.cluster.Cluster;
import chat.server.directory.ContactBook;
import chat.server.session.RecordingChannel;
import chat.server.session.Session;
import chat.server.session.TestSessions;
import chat.server.storage.FriendDao;
import chat.server.storage.GroupDao;
import chat.server.storage.GroupRow;
import chat.server.storage.MemberRow;
import chat.server.storage.UserRef;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class ContactsHandlerTest {
    @Mock
    private FriendDao friends;
    @Mock
    private GroupDao groups;
    @Mock
    private Cluster cluster;

    private final RecordingChannel channel = new RecordingChannel();
    private final Session session = TestSessions.loggedIn(channel, new Codec(), new UserRef(22, "wsp"));
    private ContactsHandler handler;

    @BeforeEach
    void setUp() {
        handler = new ContactsHandler(new ContactBook(friends, groups, cluster));
    }

    @Test
    void answersWithTheCurrentFriendsAndGroupsAndTheirStates() {
        when(friends.friendsOf(22)).thenReturn(List.of(new UserRef(13, "zhang san"), new UserRef(23, "wei")));
        when(groups.groupsOf(22)).thenReturn(List.of(new GroupRow(1, "g", "d")));
        when(groups.membersOf(1)).thenReturn(List.of(new MemberRow(1, 13, "zhang san", GroupDao.CREATOR),
                new MemberRow(1, 22, "wsp", GroupDao.NORMAL)));
        when(cluster.online(any())).thenAnswer(inv -> {
            Collection<Integer> ids = inv.getArgument(0);
            return ids.stream().filter(Set.of(22, 23)::contains).collect(Collectors.toSet());
        });

        handler.handle(session, new ContactsRequest(9, 22));

        assertEquals(new ContactsAck(9,
                List.of(new Friend(13, "zhang san", Contacts.OFFLINE), new Friend(23, "wei", Contacts.ONLINE)),
                List.of(new Group(1, "g", "d", List.of(
                        new Member(13, "zhang san", Contacts.OFFLINE, Contacts.CREATOR),
                        new Member(22, "wsp", Contacts.ONLINE, Contacts.NORMAL))))), channel.onlyReply());
    }

    @Test
    void aUserWithNoContactsGetsEmptyLists() {
        handler.handle(session, new ContactsRequest(10, null));

        assertEquals(new ContactsAck(10, List.of(), List.of()), channel.onlyReply());
    }
}
