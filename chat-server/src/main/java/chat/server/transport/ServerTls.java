package chat.server.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The node's own TLS, for a node that clients reach without nginx in front: a certificate chain and its private
 * key from PEM files, as openssl, certbot or ops/make-dev-cert.sh write them. The key must be unencrypted PKCS#8
 * ({@code BEGIN PRIVATE KEY}); an RSA or EC key in the older formats is refused with the openssl line that
 * converts it.
 *
 * <p>Connections are accepted as plain TCP and wrapped here, in server mode, without any IO: the handshake runs
 * later on the connection's own thread, under its read deadline. The listener is not an {@code SSLServerSocket}
 * because the deadlines end a late read by shutting the TCP socket's input, and an {@code SSLSocket} it accepted
 * gives no handle on the TCP socket beneath it (its own {@code shutdownInput} refuses to run before the peer's
 * close_notify).
 */
public final class ServerTls {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    /** How to prove a key belongs to a certificate, by the key's algorithm; others are not checked. */
    private static final Map<String, String> PROOF = Map.of(
            "RSA", "SHA256withRSA", "EC", "SHA256withECDSA", "EdDSA", "EdDSA", "Ed25519", "Ed25519");
    /** The in-memory key store's password, which guards nothing: the key came from a file. */
    private static final char[] NO_PASSWORD = new char[0];

    private final SSLSocketFactory sockets;
    private final X509Certificate certificate;

    private ServerTls(SSLSocketFactory sockets, X509Certificate certificate) {
        this.sockets = sockets;
        this.certificate = certificate;
    }

    /**
     * Reads the chain (the server's certificate first, then any intermediates) and its key. Every problem is an
     * {@link IllegalArgumentException} whose message names the file and what to do.
     */
    public static ServerTls fromPem(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile, chain.getFirst().getPublicKey().getAlgorithm());
        if (!belongTogether(key, chain.getFirst().getPublicKey())) {
            throw new IllegalArgumentException("the key in " + keyFile + " does not belong to the certificate in "
                    + certificateFile);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("chat", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, NO_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new ServerTls(context.getSocketFactory(), chain.getFirst());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use the certificate in " + certificateFile + ": " + e, e);
        }
    }

    /** The accepted socket as a server-side TLS socket that has not shaken hands yet; closing it closes both. */
    SSLSocket wrap(Socket tcp) throws IOException {
        return (SSLSocket) sockets.createSocket(tcp, null, true);
    }

    /** True once the certificate's end of validity has passed: clients will refuse it. */
    public boolean expired(Instant now) {
        return certificate.getNotAfter().toInstant().isBefore(now);
    }

    @Override
    public String toString() {
        return "certificate " + certificate.getSubjectX500Principal().getName() + ", valid until "
                + certificate.getNotAfter().toInstant();
    }

    private static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> chain = new ArrayList<>();
        Matcher block = PEM.matcher(read(file));
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (block.find()) {
                if (block.group(1).equals("CERTIFICATE")) {
                    chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der(block))));
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read a certificate in " + file + ": " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no certificate in " + file
                    + " (expected PEM: -----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file, String algorithm) {
        Matcher block = PEM.matcher(read(file));
        while (block.find()) {
            String label = block.group(1);
            switch (label) {
                case "PRIVATE KEY" -> {
                    try {
                        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der(block)));
                    } catch (GeneralSecurityException | IllegalArgumentException e) {
                        throw new IllegalArgumentException("the key in " + file + " is not a readable " + algorithm
                                + " key, which the certificate needs: " + e.getMessage(), e);
                    }
                }
                case "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY" -> throw new IllegalArgumentException(
                        file + " holds an '" + label + "'; chat-server reads unencrypted PKCS#8 keys ('PRIVATE KEY'). "
                                + "Convert it with: openssl pkcs8 -topk8 -nocrypt -in " + file + " -out server.key");
                case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException(file + " is encrypted; "
                        + "chat-server reads unencrypted keys. Write a copy only the server's user can read: "
                        + "openssl pkcs8 -in " + file + " -out server.key && chmod 600 server.key");
                default -> {
                    // Other blocks (EC PARAMETERS, a certificate kept in the same file) are not the key.
                }
            }
        }
        throw new IllegalArgumentException("no private key in " + file
                + " (expected PEM: -----BEGIN PRIVATE KEY-----)");
    }

    /** Signs with the key and checks with the certificate's public key, which catches a key from another pair. */
    private static boolean belongTogether(PrivateKey key, PublicKey certified) {
        String algorithm = PROOF.get(key.getAlgorithm());
        if (algorithm == null) {
            return true;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e, e);
        }
    }

    private static byte[] der(Matcher block) {
        return Base64.getMimeDecoder().decode(block.group(2));
    }
}
