package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.testkit.DevCertificates;
import chat.server.testkit.Nginx;
import chat.server.testkit.ServerProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client with --tls, in scripted mode, against a real server terminating TLS itself (--tls-cert, a
 * development certificate) and against nginx's TLS listener (ops/nginx.conf) in front of a plain server; and
 * what a user is told when the certificate is not trusted or the port speaks no TLS.
 */
class TlsClientTest {

    @TempDir
    static Path dir;
    private static DevCertificates certificates;
    private static ServerProcess tlsServer;
    private static ServerProcess plainServer;
    private static Nginx nginx;

    @BeforeAll
    static void start() throws Exception {
        certificates = DevCertificates.make(dir.resolve("tls"));
        tlsServer = ServerProcess.embedded(dir.resolve("tls-data"), certificates.serverOptions());
        plainServer = ServerProcess.embedded(dir.resolve("plain-data"));
        nginx = Nginx.start(plainServer.port(), plainServer.port());
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable running : new AutoCloseable[] {nginx, tlsServer, plainServer}) {
            if (running != null) {
                running.close();
            }
        }
    }

    @Test
    void twoUsersChatOverTheServersOwnTls() throws Exception {
        String ca = certificates.ca().toString();
        ScriptedClient ann = new ScriptedClient("ann", tlsServer.port(), "--tls", "--ca", ca);
        ScriptedClient bo = new ScriptedClient("bo", tlsServer.port(), "--tls", "--ca", ca);
        ann.expect("connected to 127.0.0.1:" + tlsServer.port() + " over TLS");
        int a = ann.register("ann", "pw");
        int b = bo.register("bo", "pw");
        ann.send("login " + a + " pw");
        ann.expect("logged in as ann");
        bo.send("login " + b + " pw");
        bo.expect("logged in as bo");

        ann.send("chat " + b + " 秘密 over TLS");
        ann.expect("sent to ");
        bo.expect("[" + a + "]ann said: 秘密 over TLS");

        for (ScriptedClient client : new ScriptedClient[] {ann, bo}) {
            client.send("quit");
            assertEquals(0, client.exit(), client.transcript());
        }
    }

    @Test
    void registersAndLogsInThroughNginxTls() throws Exception {
        ScriptedClient cy = new ScriptedClient("cy", nginx.tlsPort(), "--tls", "--ca",
                nginx.certificates().ca().toString());
        cy.expect("connected to 127.0.0.1:" + nginx.tlsPort() + " over TLS");
        int c = cy.register("cy", "pw");
        cy.send("login " + c + " pw");
        cy.expect("logged in as cy (id " + c + ")");
        cy.send("quit");

        assertEquals(0, cy.exit(), cy.transcript());
    }

    @Test
    void aCertificateNotSignedByATrustedAuthorityIsRefusedAndTheUserToldAboutCa() throws Exception {
        ScriptedClient di = new ScriptedClient("di", tlsServer.port(), "--tls");

        String why = di.expectOnStderr("cannot connect to 127.0.0.1:" + tlsServer.port());
        assertTrue(why.contains("certificate is not trusted: pass --ca FILE"), why);
        assertEquals(ExitCode.UNREACHABLE.code(), di.exit());
    }

    @Test
    void aTlsClientAtAPlainPortIsAskedWhetherItIsATlsPort() throws Exception {
        ScriptedClient ed = new ScriptedClient("ed", plainServer.port(), "--tls", "--ca",
                certificates.ca().toString());

        String why = ed.expectOnStderr("cannot connect to 127.0.0.1:" + plainServer.port());
        assertTrue(why.contains("is this a TLS port?"), why);
        assertEquals(ExitCode.UNREACHABLE.code(), ed.exit());
    }

    @Test
    void caWithoutTlsIsABadArgument() throws Exception {
        // picocli prints the reason and the usage to the process's stderr, which this in-process client lacks.
        ScriptedClient flo = new ScriptedClient("flo", plainServer.port(), "--ca", certificates.ca().toString());

        assertEquals(2, flo.exit());
    }
}
