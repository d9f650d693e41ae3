package chat.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS towards the server (nginx's TLS listener, or a node started with --tls-cert): trusting the JDK's default
 * certificate authorities, or only those in a PEM file ({@code --ca}). The certificate must name the host the
 * client dials, as a browser would check it, so a machine in between cannot pose as the server.
 */
final class ClientTls {
    private final SSLSocketFactory sockets;
    /** The file the trusted authorities came from; null for the JDK's own. */
    private final Path caFile;

    private ClientTls(SSLSocketFactory sockets, Path caFile) {
        this.sockets = sockets;
        this.caFile = caFile;
    }

    /** {@code caFile} null trusts the JDK's default authorities; a file that holds no certificate is refused. */
    static ClientTls trusting(Path caFile) {
        if (caFile == null) {
            return new ClientTls((SSLSocketFactory) SSLSocketFactory.getDefault(), null);
        }
        try (InputStream pem = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> authorities = CertificateFactory.getInstance("X.509")
                    .generateCertificates(pem);
            if (authorities.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + caFile
                        + " (expected PEM: -----BEGIN CERTIFICATE-----)");
            }
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            int n = 0;
            for (Certificate authority : authorities) {
                trusted.setCertificateEntry("ca" + n++, authority);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return new ClientTls(context.getSocketFactory(), caFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the certificates in " + caFile + ": " + e.getMessage(), e);
        }
    }

    /** Shakes hands over {@code tcp}, waiting at most {@code timeout}; what goes wrong is said for a user. */
    Socket secure(Socket tcp, String host, int port, Duration timeout) throws IOException {
        SSLSocket socket = (SSLSocket) sockets.createSocket(tcp, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        try {
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            socket.startHandshake();
            socket.setSoTimeout(0);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw new IOException(explain(e, host, timeout), e);
        }
    }

    private String explain(IOException e, String host, Duration timeout) {
        if (e instanceof SocketTimeoutException) {
            return "no TLS handshake within " + timeout.toSeconds() + " s: is this a TLS port?";
        }
        if (!(e instanceof SSLHandshakeException)) {
            return "TLS failed (" + e.getMessage() + "): is this a TLS port?";
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return "the server's certificate is not trusted: " + (caFile == null
                        ? "pass --ca FILE with the certificate of the authority that signed it"
                        : "no authority in " + caFile + " signed it, or it has expired");
            }
            if (cause instanceof CertificateException && cause.getMessage() != null
                    && cause.getMessage().contains("match")) {
                return "the server's certificate is not for " + host + " (" + cause.getMessage() + ")";
            }
        }
        return "TLS handshake failed: " + e.getMessage();
    }
}
