package chat.server.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import chat.core.Codec;
import chat.core.Message.Logout;
import chat.core.Message.LogoutAck;
import chat.server.routing.LocalSessions;
import chat.server.routing.Outbox;
import chat.server.routing.Presence;
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
    private Presence presence;
    @Mock
    private ResumeTokens tokens;

    private final Codec codec = new Codec();
    private final LocalSessions sessions = new LocalSessions();
    private final RecordingChannel channel = new RecordingChannel();
    private LogoutHandler handler;
    private Session session;

    @BeforeEach
    void setUp() {
        handler = new LogoutHandler(sessions, presence, tokens);
        session = TestSessions.loggedIn(channel, codec, GAO);
        sessions.add(21, channel);
    }

    @Test
    void logoutTakesTheUserOffThisNodeAndOutOfPresenceAndAcksWithSeq() {
        handler.handle(session, new Logout(8, 21));

        assertTrue(session.user().isEmpty());
        assertFalse(sessions.contains(21));
        verify(presence).release(21);
        assertEquals(new LogoutAck(8), channel.onlyReply());
    }

    @Test
    void theOriginalClientGetsNoAnswer() {
        handler.handle(session, new Logout(null, 21));

        assertTrue(session.user().isEmpty());
        verify(presence).release(21);
        assertTrue(channel.isEmpty(), "the original server never answered a logout");
    }

    @Test
    void theConnectionStaysUsableForAnotherLogin() {
        handler.handle(session, new Logout(null, 21));

        assertTrue(session.user().isEmpty());
        assertSame(channel, session.channel());
    }

    @Test
    void endingASessionWithoutAUserDoesNothing() {
        Session anonymous = new Session(channel, codec);

        handler.end(anonymous);

        verifyNoInteractions(presence);
        assertTrue(sessions.contains(21), "someone else's session is untouched");
        assertTrue(channel.isEmpty());
    }

    @Test
    void endingADroppedConnectionLogsItsUserOutWithoutAnswering() {
        handler.end(session);

        assertTrue(session.user().isEmpty());
        assertFalse(sessions.contains(21));
        verify(presence).release(21);
        assertTrue(channel.isEmpty());
    }

    @Test
    void aStaleSessionDoesNotEvictTheConnectionThatNowHoldsTheUser() {
        Outbox newer = new RecordingChannel();
        sessions.remove(21, channel);
        sessions.add(21, newer);

        handler.end(session);

        assertSame(newer, sessions.find(21).orElseThrow());
    }

    @Test
    void endingTwiceIsHarmless() {
        handler.end(session);
        handler.end(session);

        verify(presence).release(21);
    }

    @Test
    void anExplicitLogoutEndsTheUsersResumeTokensButADroppedConnectionKeepsThem() {
        handler.end(session);
        verifyNoInteractions(tokens);

        Session again = TestSessions.loggedIn(channel, codec, GAO);
        sessions.add(21, channel);
        handler.handle(again, new Logout(3, null));
        verify(tokens).revokeAll(21);
    }
}
