package chat.server.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import chat.core.Codec;
import chat.core.ErrorCode;
import chat.core.Message.Register;
import chat.core.Message.RegisterAck;
import chat.server.auth.PasswordGate;
import chat.server.auth.PasswordHasher;
import chat.server.ops.Metrics;
import chat.server.session.RecordingChannel;
import chat.server.session.Session;
import chat.server.storage.MessageIds;
import chat.server.storage.UserDao;
import chat.server.storage.UserRow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class RegisterHandlerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);
    /** Where chats count from for someone who registers or joins now. */
    private static final long FROM = MessageIds.positionAt(CLOCK.millis());
    private static final PasswordHasher HASHER = new PasswordHasher(1000);

    @Mock
    private UserDao users;

    private final RecordingChannel channel = new RecordingChannel();
    private final Session session = new Session(channel, new Codec(), Metrics.off());
    private PasswordGate passwords;
    private RegisterHandler handler;

    @BeforeEach
    void setUp() {
        // Two registrations a minute from one address.
        passwords = new PasswordGate(HASHER, new PasswordGate.Limits(1, 4, 2, 100, 100), Clock.systemUTC());
        handler = new RegisterHandler(users, passwords, CLOCK);
    }

    @AfterEach
    void closeGate() {
        passwords.close();
    }

    @Test
    void successAnswersWithTheNewIdAndStoresASaltedHash() {
        when(users.findByName("wei")).thenReturn(Optional.empty());
        when(users.create(eq("wei"), anyString(), eq(FROM))).thenReturn(24);

        handler.handle(session, new Register(3, "wei", "123456"));

        assertEquals(new RegisterAck(3, 0, null, 24), channel.onlyReply());
        ArgumentCaptor<String> stored = ArgumentCaptor.forClass(String.class);
        verify(users).create(eq("wei"), stored.capture(), eq(FROM));
        assertFalse(stored.getValue().contains("123456"), "never the password itself");
        assertTrue(HASHER.verify("123456", stored.getValue()));
        assertTrue(session.user().isEmpty(), "registering does not log in");
    }

    @Test
    void theOriginalClientGetsItsAckWithoutSeq() {
        when(users.findByName("wei")).thenReturn(Optional.empty());
        when(users.create(eq("wei"), anyString(), eq(FROM))).thenReturn(24);

        handler.handle(session, new Register(null, "wei", "123456"));

        assertEquals(new RegisterAck(null, 0, null, 24), channel.onlyReply());
    }

    @Test
    void aTakenNameIsRefusedWithErrnoOne() {
        when(users.findByName("wei")).thenReturn(Optional.of(new UserRow(23, "wei", "hash")));

        handler.handle(session, new Register(4, "wei", "123456"));

        RegisterAck ack = (RegisterAck) channel.onlyReply();
        assertEquals(ErrorCode.REJECTED.code(), ack.errno());
        assertEquals(4, ack.seq());
        assertNull(ack.id());
        assertTrue(ack.errmsg().contains("'wei'"), ack.errmsg());
        verify(users, never()).create(anyString(), anyString(), anyLong());
    }

    @Test
    void anEmptyPasswordIsRefused() {
        handler.handle(session, new Register(5, "wei", ""));

        RegisterAck ack = (RegisterAck) channel.onlyReply();
        assertEquals(ErrorCode.BAD_REQUEST.code(), ack.errno());
        assertNotEquals(0, ack.errno());
        assertNull(ack.id());
        assertTrue(ack.errmsg().contains("password"), ack.errmsg());
        verify(users, never()).create(anyString(), anyString(), anyLong());
    }

    @Test
    void losingTheRaceForANameIsReportedAsTaken() {
        when(users.findByName("wei")).thenReturn(Optional.empty(), Optional.of(new UserRow(23, "wei", "hash")));
        when(users.create(eq("wei"), anyString(), eq(FROM))).thenThrow(new UnableToExecuteStatementException("duplicate key"));

        handler.handle(session, new Register(6, "wei", "123456"));

        RegisterAck ack = (RegisterAck) channel.onlyReply();
        assertEquals(ErrorCode.REJECTED.code(), ack.errno());
        assertEquals(6, ack.seq());
    }

    @Test
    void aFailedInsertForAnyOtherReasonIsNotReportedAsTaken() {
        when(users.findByName("wei")).thenReturn(Optional.empty());
        UnableToExecuteStatementException failure = new UnableToExecuteStatementException("disk full");
        when(users.create(eq("wei"), anyString(), eq(FROM))).thenThrow(failure);

        assertEquals(failure, assertThrows(UnableToExecuteStatementException.class,
                () -> handler.handle(session, new Register(7, "wei", "123456"))));
        assertTrue(channel.isEmpty(), "the dispatcher answers with a server error");
    }

    @Test
    void pastTheRegistrationLimitTheAckSaysToWaitAndNothingIsStored() {
        when(users.findByName(anyString())).thenReturn(Optional.empty());
        when(users.create(anyString(), anyString(), anyLong())).thenReturn(24, 25);
        handler.handle(session, new Register(1, "wei", "123456"));
        handler.handle(session, new Register(2, "wang", "123456"));

        handler.handle(session, new Register(null, "li", "123456"));

        RegisterAck refused = (RegisterAck) channel.messages().get(2);
        assertEquals(ErrorCode.LIMIT_REACHED.code(), refused.errno());
        assertEquals("too many registrations from your address; try again in 30 s", refused.errmsg());
        assertNull(refused.id());
        verify(users, never()).create(eq("li"), anyString(), anyLong());
    }
}
