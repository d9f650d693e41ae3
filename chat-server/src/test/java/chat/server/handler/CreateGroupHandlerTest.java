package chat.server.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import chat.core.Codec;
import chat.core.Contacts.Group;
import chat.core.Contacts.Member;
import chat.core.Contacts;
import chat.core.ErrorCode;
import chat.core.Message.CreateGroup;
import chat.core.Message.CreateGroupAck;
import chat.core.ProtocolException;
import chat.server.cluster.Cluster;
import chat.server.directory.ContactBook;
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
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class CreateGroupHandlerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);
    /** Where chats count from for someone who registers or joins now. */
    private static final long FROM = MessageIds.positionAt(CLOCK.millis());
    @Mock
    private GroupDao groups;
    @Mock
    private FriendDao friends;
    @Mock
    private Cluster cluster;

    private final RecordingChannel channel = new RecordingChannel();
    private final Session session = TestSessions.loggedIn(channel, new Codec(), new UserRef(21, "gao yang"));
    private CreateGroupHandler handler;

    @BeforeEach
    void setUp() {
        handler = new CreateGroupHandler(groups, new ContactBook(friends, groups, cluster), CLOCK);
    }

    @Test
    void createsTheGroupAndAcksWithItsIdAndTheCreator() throws Exception {
        when(groups.create("g", "d", 21, FROM)).thenReturn(Optional.of(new GroupRow(3, "g", "d")));
        when(groups.membersOf(3)).thenReturn(List.of(new MemberRow(3, 21, "gao yang", GroupDao.CREATOR)));
        when(cluster.online(any())).thenReturn(Set.of(21));

        handler.handle(session, new CreateGroup(4, 21, "g", "d"));

        assertEquals(new CreateGroupAck(4, new Group(3, "g", "d",
                List.of(new Member(21, "gao yang", Contacts.ONLINE, Contacts.CREATOR)))), channel.onlyReply());
    }

    @Test
    void theCreatorJoinsAsCreator() throws Exception {
        when(groups.create("g", "d", 21, FROM)).thenCallRealMethod();
        when(groups.findByName("g")).thenReturn(Optional.empty());
        when(groups.insertGroup("g", "d")).thenReturn(3);

        handler.handle(session, new CreateGroup(null, 21, "g", "d"));

        verify(groups).insertMember(3, 21, "creator", FROM);
        assertTrue(channel.isEmpty(), "the original client is never told");
    }

    @Test
    void aMissingDescriptionIsStoredEmpty() throws Exception {
        when(groups.create("g", "", 21, FROM)).thenReturn(Optional.of(new GroupRow(3, "g", "")));

        handler.handle(session, new CreateGroup(null, 21, "g", null));

        verify(groups).create("g", "", 21, FROM);
    }

    @Test
    void aTakenNameIsAConflict() {
        when(groups.create("g", "d", 21, FROM)).thenReturn(Optional.empty());

        ProtocolException e = assertThrows(ProtocolException.class,
                () -> handler.handle(session, new CreateGroup(5, 21, "g", "d")));

        assertEquals(ErrorCode.CONFLICT, e.code());
        assertTrue(e.getMessage().contains("'g'"), e.getMessage());
        assertTrue(channel.isEmpty());
    }

    @Test
    void aTakenNameAddsNoMember() throws Exception {
        when(groups.create("g", "d", 21, FROM)).thenCallRealMethod();
        when(groups.findByName("g")).thenReturn(Optional.of(new GroupRow(1, "g", "older")));

        assertThrows(ProtocolException.class, () -> handler.handle(session, new CreateGroup(5, 21, "g", "d")));

        verify(groups, never()).insertGroup(anyString(), anyString());
        verify(groups, never()).insertMember(anyInt(), anyInt(), anyString(), anyLong());
    }
}
