package chat.server.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import chat.core.Codec;
import chat.core.Contacts.Friend;
import chat.core.Contacts;
import chat.core.ErrorCode;
import chat.core.Message.AddFriend;
import chat.core.Message.AddFriendAck;
import chat.core.Message.FriendAdded;
import chat.core.ProtocolException;
import chat.server.cluster.Cluster;
import chat.server.directory.ContactBook;
import chat.server.directory.ContactEvents;
import chat.server.directory.GroupMembers;
import chat.server.directory.UserDirectory;
import chat.server.session.RecordingChannel;
import chat.server.session.Session;
import chat.server.session.TestSessions;
import chat.server.storage.FriendDao;
import chat.server.storage.GroupDao;
import chat.server.storage.UserDao;
import chat.server.storage.UserRef;
import chat.server.storage.UserRow;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class AddFriendHandlerTest {
    @Mock
    private UserDao users;
    @Mock
    private FriendDao friends;
    @Mock
    private GroupDao groups;
    @Mock
    private Cluster cluster;

    private final Codec codec = new Codec();
    private final RecordingChannel channel = new RecordingChannel();
    private final Session session = TestSessions.loggedIn(channel, codec, new UserRef(22, "wsp"));
    private AddFriendHandler handler;

    @BeforeEach
    void setUp() {
        ContactEvents events = new ContactEvents(friends, new GroupMembers(groups, cluster, Clock.systemUTC()),
                cluster, codec);
        handler = new AddFriendHandler(new UserDirectory(users), friends, new ContactBook(friends, groups, cluster),
                events);
    }

    @Test
    void makesBothUsersFriendsAndAcksWithTheFriendsState() throws Exception {
        when(users.findById(23)).thenReturn(Optional.of(new UserRow(23, "wei", "hash")));
        when(friends.addMutual(22, 23)).thenReturn(true);
        when(cluster.online(List.of(23))).thenReturn(Set.of(23));

        handler.handle(session, new AddFriend(5, 22, 23));

        verify(friends).addMutual(22, 23);
        assertEquals(new AddFriendAck(5, new Friend(23, "wei", Contacts.ONLINE)), channel.onlyReply());
    }

    @Test
    void theSeedsTestLineAddsTheFriendWithoutAnAnswer() throws Exception {
        when(users.findById(23)).thenReturn(Optional.of(new UserRow(23, "wei", "hash")));
        when(friends.addMutual(22, 23)).thenReturn(true);

        handler.handle(session, new AddFriend(null, 22, 23));

        verify(friends).addMutual(22, 23);
        assertTrue(channel.isEmpty());
    }

    @Test
    void anOfflineFriendIsReportedOffline() throws Exception {
        when(users.findById(23)).thenReturn(Optional.of(new UserRow(23, "wei", "hash")));
        when(friends.addMutual(22, 23)).thenReturn(true);
        when(cluster.online(any())).thenReturn(Set.of());

        handler.handle(session, new AddFriend(6, 22, 23));

        assertEquals(new AddFriendAck(6, new Friend(23, "wei", Contacts.OFFLINE)), channel.onlyReply());
    }

    @Test
    void theNewFriendHearsWhoAddedThemWhateverClientTheAdderUses() throws Exception {
        when(users.findById(23)).thenReturn(Optional.of(new UserRow(23, "wei", "hash")));
        when(friends.addMutual(22, 23)).thenReturn(true);

        handler.handle(session, new AddFriend(null, 22, 23));

        verify(cluster).sendEvent(23,
                codec.encodeLine(new FriendAdded(null, new Friend(22, "wsp", Contacts.ONLINE))));
    }

    @Test
    void addingYourselfIsABadRequest() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> handler.handle(session, new AddFriend(7, 22, 22)));

        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        verifyNoInteractions(users, friends);
        assertTrue(channel.isEmpty());
    }

    @Test
    void anUnknownUserIsNotFound() {
        when(users.findById(99)).thenReturn(Optional.empty());

        ProtocolException e = assertThrows(ProtocolException.class,
                () -> handler.handle(session, new AddFriend(8, 22, 99)));

        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("99"), e.getMessage());
        verifyNoInteractions(friends);
    }

    @Test
    void anExistingFriendIsAConflict() {
        when(users.findById(23)).thenReturn(Optional.of(new UserRow(23, "wei", "hash")));
        when(friends.addMutual(22, 23)).thenReturn(false);

        ProtocolException e = assertThrows(ProtocolException.class,
                () -> handler.handle(session, new AddFriend(9, 22, 23)));

        assertEquals(ErrorCode.CONFLICT, e.code());
        assertTrue(channel.isEmpty());
        verify(cluster, never()).sendEvent(anyInt(), any());
    }
}
