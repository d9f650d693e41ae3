package chat.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.core.ErrorCode;
import chat.core.ProtocolException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PasswordGateTest {
    private static final PasswordHasher HASHER = new PasswordHasher(1000);
    private static final String HASH = HASHER.hash("secret");

    private final AtomicLong nowMillis = new AtomicLong(1_000_000);
    private final InstantSource clock = () -> Instant.ofEpochMilli(nowMillis.get());
    /** Registrations 2 a minute per address; failed logins 3 per address, 2 per account. */
    private final PasswordGate gate = new PasswordGate(HASHER, new PasswordGate.Limits(1, 4, 2, 3, 2), clock);

    @AfterEach
    void close() {
        gate.close();
    }

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() throws Exception {
        assertTrue(gate.verify("/10.0.0.1:4000", 21, "secret", HASH));
        assertFalse(gate.verify("/10.0.0.1:4000", 21, "Secret", HASH));
    }

    @Test
    void failedLoginsForOneAccountAreLimitedWhateverTheAddress() throws Exception {
        gate.verify("/10.0.0.1:4000", 21, "guess", HASH);
        gate.verify("/10.0.0.2:4000", 21, "guess", HASH);

        ProtocolException limited = assertThrows(ProtocolException.class,
                () -> gate.verify("/10.0.0.3:4000", 21, "secret", HASH));
        assertEquals(ErrorCode.LIMIT_REACHED, limited.code());
        assertEquals("too many failed logins for this account; try again in 30 s", limited.getMessage());
        assertTrue(gate.verify("/10.0.0.3:4000", 22, "secret", HASH), "other accounts are not affected");
    }

    @Test
    void failedLoginsFromOneAddressAreLimitedWhateverThePortAndAccount() throws Exception {
        gate.verify("/10.0.0.1:4000", 21, "guess", HASH);
        gate.verify("/10.0.0.1:4001", 22, "guess", HASH);
        gate.verify("/10.0.0.1:4002", 23, "guess", HASH);

        ProtocolException limited = assertThrows(ProtocolException.class,
                () -> gate.verify("/10.0.0.1:4003", 24, "secret", HASH));
        assertEquals("too many failed logins from your address; try again in 20 s", limited.getMessage());
        assertTrue(gate.verify("/10.0.0.2:4000", 24, "secret", HASH), "other addresses are not affected");
    }

    @Test
    void ipv6AddressesAreCountedWithoutTheirPortToo() throws Exception {
        gate.hashNew("/[0:0:0:0:0:0:0:1]:4000", "pw");
        gate.hashNew("/[0:0:0:0:0:0:0:1]:4001", "pw");

        assertThrows(ProtocolException.class, () -> gate.hashNew("/[0:0:0:0:0:0:0:1]:4002", "pw"));
    }

    @Test
    void registrationsFromOneAddressAreLimitedAndTheWaitEnds() throws Exception {
        assertTrue(HASHER.verify("pw", gate.hashNew("/10.0.0.1:4000", "pw")));
        gate.hashNew("/10.0.0.1:4000", "pw");

        ProtocolException limited = assertThrows(ProtocolException.class,
                () -> gate.hashNew("/10.0.0.1:4000", "pw"));
        assertEquals("too many registrations from your address; try again in 30 s", limited.getMessage());
        nowMillis.addAndGet(30_000);
        assertTrue(HASHER.verify("pw", gate.hashNew("/10.0.0.1:4000", "pw")));
    }

    @Test
    void aChangeChecksTheCurrentPasswordAndHashesTheNewOne() throws Exception {
        String changed = gate.change("/10.0.0.1:4000", 21, "secret", HASH, "new secret").orElseThrow();

        assertTrue(HASHER.verify("new secret", changed));
        assertEquals(Optional.empty(), gate.change("/10.0.0.1:4000", 21, "Secret", HASH, "other"));
    }

    @Test
    void aWrongCurrentPasswordCountsAsAFailedLogin() throws Exception {
        gate.change("/10.0.0.1:4000", 21, "guess", HASH, "x");
        gate.change("/10.0.0.2:4000", 21, "guess", HASH, "x");

        ProtocolException limited = assertThrows(ProtocolException.class,
                () -> gate.verify("/10.0.0.3:4000", 21, "secret", HASH));
        assertEquals("too many failed logins for this account; try again in 30 s", limited.getMessage());
    }

    @Test
    void changesPerAccountAreLimitedWithoutLockingTheAccountsLoginsOut() throws Exception {
        gate.change("/10.0.0.1:4000", 21, "secret", HASH, "a");
        gate.change("/10.0.0.1:4000", 21, "secret", HASH, "b");

        ProtocolException limited = assertThrows(ProtocolException.class,
                () -> gate.change("/10.0.0.1:4000", 21, "secret", HASH, "c"));
        assertEquals("too many password changes for this account; try again in 30 s", limited.getMessage());
        assertTrue(gate.verify("/10.0.0.1:4000", 21, "secret", HASH), "logging in is not limited by changes");
        nowMillis.addAndGet(30_000);
        assertTrue(gate.change("/10.0.0.1:4000", 21, "secret", HASH, "c").isPresent());
    }
}
