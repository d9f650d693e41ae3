package chat.server.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.when;

import chat.core.Codec;
import chat.core.Contacts.Friend;
import chat.core.Contacts;
import chat.core.ErrorCode;
import chat.core.Message.FindUser;
import chat.core.Message.FindUserAck;
import chat.core.ProtocolException;
import chat.server.cluster.Cluster;
import chat.server.directory.ContactBook;
import chat.server.directory.UserDirectory;
import chat.server.session.RecordingChannel;
import chat.server.session.Session;
import chat.server.session.TestSessions;
import chat.server.storage.FriendDao;
import chat.server.storage.GroupDao;
import chat.server.storage.UserDao;
import chat.server.storage.UserRef;
import chat.server.storage.UserRow;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class FindUserHandlerTest {
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
    private FindUserHandler handler;

    @BeforeEach
    void setUp() {
        handler = new FindUserHandler(new UserDirectory(users), new ContactBook(friends, groups, cluster));
    }

    @Test
    void aNameAsTypedFindsTheUserWithTheirOnlineState() throws Exception {
        when(users.findByName("小明")).thenReturn(Optional.of(new UserRow(23, "小明", "hash")));
        when(cluster.online(List.of(23))).thenReturn(Set.of(23));

        handler.handle(session, (FindUser) codec.decode("{\"msgid\":33,\"seq\":4,\"name\":\" 小明 \"}"));

        assertEquals(new FindUserAck(4, new Friend(23, "小明", Contacts.ONLINE)), channel.onlyReply());
    }

    @Test
    void nobodyWithTheNameIsNotFound() {
        when(users.findByName("nobody")).thenReturn(Optional.empty());

        ProtocolException e = assertThrows(ProtocolException.class,
                () -> handler.handle(session, new FindUser(5, "nobody")));

        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("'nobody'"), e.getMessage());
        assertTrue(channel.isEmpty());
    }
}
