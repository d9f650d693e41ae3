package chat.server.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import chat.core.Codec;
import chat.core.Message.Logout;
import chat.core.Message.LogoutAck;
import chat.core.Message.Pong;
import chat.server.auth.ResumeTokens;
import chat.server.cluster.Cluster;
import chat.server.delivery.Mailbox;
import chat.server.directory.ContactEvents;
import chat.server.session.RecordingChannel;
import chat.server.session.Session;
import chat.server.session.SessionRegistry;
import chat.server.session.TestSessions;
import chat.server.storage.UserRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class LogoutHandlerTest {
    private static final UserRef GAO = new UserRef(21, "gao yang");

    @Mock
    private Cluster cluster;
    @Mock
    private Mailbox mailbox;
    @Mock
    private ResumeTokens tokens;

    private final Codec codec = new Codec();
    private final RecordingChannel channel = new RecordingChannel();
    private SessionRegistry sessions;
    private LogoutHandler handler;
    private Session session;

    @BeforeEach
    void setUp() {
        sessions = new SessionRegistry(cluster, mailbox, () -> Long.MAX_VALUE, mock(ContactEvents.class));
        handler = new LogoutHandler(sessions, tokens);
        session = TestSessions.loggedIn(channel, codec, GAO);
    }

    @Test
    void logoutTakesTheUserOffThisNodeAndOutOfPresenceAndAcksWithSeq() {
        handler.handle(session, new Logout(8, 21));

        assertTrue(session.user().isEmpty());
        verify(cluster).unregister(21, channel);
        assertEquals(new LogoutAck(8), channel.onlyReply());
    }

    @Test
    void theOriginalClientGetsNoAnswer() {
        handler.handle(session, new Logout(null, 21));

        assertTrue(session.user().isEmpty());
        verify(cluster).unregister(21, channel);
        assertTrue(channel.isEmpty(), "the original server never answered a logout");
    }

    @Test
    void theConnectionStaysUsableForAnotherLogin() {
        handler.handle(session, new Logout(null, 21));

        assertTrue(session.user().isEmpty());
        session.reply(new Pong(1));
        assertEquals(new Pong(1), channel.onlyReply());
    }

    @Test
    void anExplicitLogoutEndsTheUsersResumeTokensButADroppedConnectionKeepsThem() {
        sessions.close(session);
        verifyNoInteractions(tokens);

        Session again = TestSessions.loggedIn(channel, codec, GAO);
        handler.handle(again, new Logout(3, null));
        verify(tokens).revokeAll(21);
    }
}
