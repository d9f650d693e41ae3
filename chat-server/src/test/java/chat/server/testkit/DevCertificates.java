package chat.server.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate authority and a server certificate for localhost and 127.0.0.1 that it signs, made by the
 * repository's ops/make-dev-cert.sh (openssl) in a directory of the test's: the files an operator would give
 * nginx and chat-server, and the CA a client would trust.
 */
public record DevCertificates(Path ca, Path certificate, Path key) {
    private static final Path SCRIPT = Nginx.repositoryFile("ops/make-dev-cert.sh");

    public static DevCertificates make(Path dir) throws IOException {
        Path log = Files.createTempFile("make-dev-cert-", ".log");
        try {
            Process script = new ProcessBuilder("bash", SCRIPT.toString(), dir.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!script.waitFor(30, TimeUnit.SECONDS) || script.exitValue() != 0) {
                script.destroyForcibly();
                throw new IOException(SCRIPT + " failed: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making certificates", e);
        } finally {
            Files.deleteIfExists(log);
        }
        return new DevCertificates(dir.resolve("ca.crt"), dir.resolve("server.crt"), dir.resolve("server.key"));
    }

    /** The options that make chat-server serve TLS with this certificate. */
    public String[] serverOptions() {
        return new String[] {"--tls-cert", certificate.toString(), "--tls-key", key.toString()};
    }

    /**
     * A TLS connection to 127.0.0.1:{@code port}, handshake done, that trusts only {@link #ca} and checks the
     * certificate names 127.0.0.1, as chat-client does.
     */
    public SSLSocket connect(int port) throws IOException {
        SSLSocket socket;
        try (InputStream pem = Files.newInputStream(ca)) {
            Certificate authority = CertificateFactory.getInstance("X.509").generateCertificate(pem);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", authority);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust " + ca, e);
        }
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        try {
            socket.setSoTimeout(5_000);
            socket.startHandshake();
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
