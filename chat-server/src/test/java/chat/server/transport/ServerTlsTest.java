package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.testkit.DevCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the certificate and key an operator gives: what works, and what each mistake is told. */
class ServerTlsTest {
    @TempDir
    static Path dir;
    private static DevCertificates certificates;

    @BeforeAll
    static void makeCertificates() throws IOException {
        certificates = DevCertificates.make(dir.resolve("tls"));
    }

    @Test
    void readsAChainAndItsPkcs8Key() {
        ServerTls tls = ServerTls.fromPem(certificates.certificate(), certificates.key());

        assertTrue(tls.toString().contains("CN=localhost"), tls.toString());
        assertFalse(tls.expired(Instant.now()));
        assertTrue(tls.expired(Instant.now().plusSeconds(400L * 24 * 3600)), "valid for 397 days");
    }

    @Test
    void aKeyInTheOlderFormatIsRefusedWithTheLineThatConvertsIt() throws IOException {
        Path sec1 = dir.resolve("sec1.key");
        Files.writeString(sec1, Files.readString(certificates.key()).replace("PRIVATE KEY", "EC PRIVATE KEY"));

        String why = refusal(certificates.certificate(), sec1);

        assertTrue(why.contains("'EC PRIVATE KEY'") && why.contains("openssl pkcs8 -topk8 -nocrypt -in " + sec1), why);
    }

    @Test
    void anEncryptedKeyIsRefusedWithTheLineThatDecryptsIt() throws IOException {
        Path encrypted = dir.resolve("encrypted.key");
        Files.writeString(encrypted, Files.readString(certificates.key()).replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY"));

        String why = refusal(certificates.certificate(), encrypted);

        assertTrue(why.contains("is encrypted") && why.contains("openssl pkcs8 -in " + encrypted), why);
    }

    @Test
    void aKeyOfAnotherPairIsRefused() {
        Path caKey = certificates.ca().resolveSibling("ca.key");

        String why = refusal(certificates.certificate(), caKey);

        assertTrue(why.contains("does not belong to the certificate"), why);
    }

    @Test
    void filesWithoutTheExpectedPemBlocksAreNamed() {
        assertTrue(refusal(certificates.key(), certificates.key()).startsWith("no certificate in "));
        assertTrue(refusal(certificates.certificate(), certificates.certificate()).startsWith("no private key in "));
        assertTrue(refusal(dir.resolve("missing.crt"), certificates.key()).startsWith("cannot read "));
    }

    private static String refusal(Path certificate, Path key) {
        return assertThrows(IllegalArgumentException.class, () -> ServerTls.fromPem(certificate, key)).getMessage();
    }
}
