package chat.server.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import chat.core.Codec;
import chat.core.ErrorCode;
import chat.core.Message.ChangePassword;
import chat.core.Message.ChangePasswordAck;
import chat.core.ProtocolException;
import chat.server.auth.PasswordGate;
import chat.server.auth.PasswordHasher;
import chat.server.auth.ResumeTokens;
import chat.server.session.RecordingChannel;
import chat.server.session.Session;
import chat.server.session.TestSessions;
import chat.server.storage.UserDao;
import chat.server.storage.UserRef;
import chat.server.storage.UserRow;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class ChangePasswordHandlerTest {
    private static final PasswordHasher HASHER = new PasswordHasher(1000);
    /** One failed login a minute per address and per account, so a single wrong guess shows the limit. */
    private static final PasswordGate.Limits LIMITS = new PasswordGate.Limits(1, 4, 100, 1, 1);

    @Mock
    private UserDao users;
    @Mock
    private ResumeTokens tokens;

    private final RecordingChannel channel = new RecordingChannel();
    private final Session session = TestSessions.loggedIn(channel, new Codec(), new UserRef(22, "wsp"));
    private PasswordGate passwords;
    private ChangePasswordHandler handler;

    @BeforeEach
    void setUp() {
        passwords = new PasswordGate(HASHER, LIMITS, () -> Instant.ofEpochMilli(1_000_000));
        handler = new ChangePasswordHandler(users, passwords, tokens);
    }

    @AfterEach
    void closeGate() {
        passwords.close();
    }

    @Test
    void storesTheNewPasswordEndsEveryResumeTokenAndAcksWithAFreshOne() throws Exception {
        when(users.findById(22)).thenReturn(Optional.of(new UserRow(22, "wsp", HASHER.hash("old"))));
        when(tokens.issue(22)).thenReturn("fresh-token");

        handler.handle(session, new ChangePassword(5, "old", "new"));

        ArgumentCaptor<String> stored = ArgumentCaptor.forClass(String.class);
        InOrder order = inOrder(users, tokens);
        order.verify(users).updatePassword(eq(22), stored.capture());
        order.verify(tokens).revokeAll(22);
        order.verify(tokens).issue(22);
        assertTrue(HASHER.verify("new", stored.getValue()));
        assertEquals(new ChangePasswordAck(5, "fresh-token"), channel.onlyReply());
    }

    @Test
    void withoutSeqThePasswordChangesAndNoTokenIsIssued() throws Exception {
        when(users.findById(22)).thenReturn(Optional.of(new UserRow(22, "wsp", HASHER.hash("old"))));

        handler.handle(session, new ChangePassword(null, "old", "new"));

        verify(tokens).revokeAll(22);
        verify(tokens, never()).issue(anyInt());
        assertTrue(channel.isEmpty());
    }

    @Test
    void aWrongCurrentPasswordIsRejectedAndCountsAgainstTheAccount() {
        when(users.findById(22)).thenReturn(Optional.of(new UserRow(22, "wsp", HASHER.hash("old"))));

        ProtocolException wrong = assertThrows(ProtocolException.class,
                () -> handler.handle(session, new ChangePassword(6, "guess", "new")));
        ProtocolException limited = assertThrows(ProtocolException.class,
                () -> handler.handle(session, new ChangePassword(7, "old", "new")));

        assertEquals(ErrorCode.REJECTED, wrong.code());
        assertEquals(ErrorCode.LIMIT_REACHED, limited.code());
        verify(users, never()).updatePassword(anyInt(), anyString());
        verifyNoInteractions(tokens);
    }

    @Test
    void anEmptyNewPasswordIsABadRequest() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> handler.handle(session, new ChangePassword(8, "old", "")));

        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        verifyNoInteractions(users, tokens);
    }
}
