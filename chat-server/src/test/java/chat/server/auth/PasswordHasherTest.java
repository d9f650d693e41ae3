package chat.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class PasswordHasherTest {
    // Cheap, so the suite stays fast; the format and checks are the same at any count.
    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void hashVerifiesOnlyTheSamePassword() {
        String stored = hasher.hash("correct horse");

        assertTrue(hasher.verify("correct horse", stored));
        assertFalse(hasher.verify("correct horsf", stored));
        assertFalse(hasher.verify("", stored));
    }

    @Test
    void storedValueCarriesSchemeIterationsSaltAndHash() {
        String[] parts = hasher.hash("pw").split("\\$");

        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("1000", parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    }

    @Test
    void samePasswordHashesDifferentlyEachTime() {
        assertNotEquals(hasher.hash("pw"), hasher.hash("pw"));
    }

    @Test
    void hashMadeWithAnotherIterationCountStillVerifies() {
        String old = new PasswordHasher(500).hash("pw");

        assertTrue(hasher.verify("pw", old));
    }

    @Test
    void tamperedHashDoesNotVerify() {
        String[] parts = hasher.hash("pw").split("\\$");
        String zeroHash = Base64.getEncoder().encodeToString(new byte[32]);

        assertFalse(hasher.verify("pw", String.join("$", parts[0], parts[1], parts[2], zeroHash)));
        assertFalse(hasher.verify("pw", String.join("$", parts[0], "1001", parts[2], parts[3])));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "嗨！😀 it's \"quoted\" \\", " leading and trailing "})
    void unusualPasswordsRoundTrip(String password) {
        assertTrue(hasher.verify(password, hasher.hash(password)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "pw",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==$extra",
        "pbkdf2-sha1$1000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
        "pbkdf2-sha256$many$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
        "pbkdf2-sha256$0$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
        "pbkdf2-sha256$-5$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
        "pbkdf2-sha256$1000$not base64!$aGFzaA==",
        "pbkdf2-sha256$1000$$aGFzaA==",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$",
    })
    void malformedStoredValueIsRejectedWithoutThrowing(String stored) {
        assertFalse(hasher.verify("pw", stored));
    }

    @Test
    void iterationCountMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(0));
    }
}
