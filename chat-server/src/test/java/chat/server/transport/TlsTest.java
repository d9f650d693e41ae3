package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import chat.core.Codec;
import chat.core.Message.Login;
import chat.core.Message.LoginAck;
import chat.core.Message.Ping;
import chat.server.cluster.Cluster;
import chat.server.delivery.Mailbox;
import chat.server.directory.ContactEvents;
import chat.server.dispatch.Dispatcher;
import chat.server.dispatch.Handlers;
import chat.server.handler.Handler;
import chat.server.handler.PingHandler;
import chat.server.ops.Metrics;
import chat.server.session.SessionRegistry;
import chat.server.session.TestSessions;
import chat.server.storage.UserRef;
import chat.server.testkit.DevCertificates;
import chat.server.testkit.RawClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real listener serving TLS with a development certificate, and clients that speak TLS, speak none, or start
 * a handshake and stall. Requests may take a second to arrive whole, and so may the handshake.
 */
@Timeout(60)
class TlsTest {
    private static final Duration SHORT = Duration.ofSeconds(1);
    private static final Duration LONG = Duration.ofSeconds(60);
    /** A TLS record header announcing a handshake message, and nothing after it. */
    private static final byte[] HALF_A_HELLO = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01};

    @TempDir
    static Path dir;
    private static DevCertificates certificates;
    private ChatServer server;

    @BeforeAll
    static void makeCertificates() throws IOException {
        certificates = DevCertificates.make(dir.resolve("tls"));
    }

    @BeforeEach
    void start() throws IOException {
        Handler<Login> login = (session, request) -> {
            TestSessions.logIn(session, new UserRef(request.id(), "user" + request.id()), request.seq() != null);
            session.reply(new LoginAck(request.seq(), 0, null, request.id(), "user" + request.id(), null, null, null));
        };
        SessionRegistry sessions = new SessionRegistry(mock(Cluster.class), mock(Mailbox.class),
                () -> Long.MAX_VALUE, mock(ContactEvents.class));
        Dispatcher dispatcher = new Dispatcher(new Handlers()
                .beforeLogin(Login.class, login)
                .beforeLogin(Ping.class, new PingHandler()), sessions);
        ServerTls tls = ServerTls.fromPem(certificates.certificate(), certificates.key());
        server = new ChatServer(new ChatServer.Settings("127.0.0.1", 0, 100, 1 << 20, Duration.ofSeconds(2),
                new ConnectionTimeouts(LONG, SHORT, LONG), tls), new Codec(), dispatcher, mock(Mailbox.class),
                Metrics.off());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aClientSpeakingTlsIsServedAsOverPlainTcp() throws Exception {
        try (RawClient client = new RawClient(certificates.connect(server.port()))) {
            assertEquals(2, client.loginOk(7).path("msgid").asInt());
            for (int i = 0; i < 3; i++) {
                assertEquals(21, client.answer(client.request("\"msgid\":20")).path("msgid").asInt());
            }
        }
    }

    @Test
    void plainTextOnTheTlsPortIsClosedAndOthersAreStillServed() throws Exception {
        try (Socket plain = new Socket("127.0.0.1", server.port())) {
            plain.getOutputStream().write("{\"msgid\":1,\"id\":7,\"password\":\"x\",\"seq\":1}\n"
                    .getBytes(StandardCharsets.UTF_8));

            assertClosedWithin(plain, Duration.ofSeconds(5));
        }
        assertServed();
    }

    @Test
    void aClientThatSendsNothingIsClosedAfterTheHandshakeDeadline() throws Exception {
        try (Socket silent = new Socket("127.0.0.1", server.port())) {
            assertClosedWithin(silent, SHORT.plusSeconds(3));
        }
        assertServed();
    }

    @Test
    void aClientThatStallsInTheMiddleOfTheHandshakeIsClosedAfterTheDeadline() throws Exception {
        try (Socket stalled = new Socket("127.0.0.1", server.port())) {
            stalled.getOutputStream().write(HALF_A_HELLO);

            assertClosedWithin(stalled, SHORT.plusSeconds(3));
        }
        assertServed();
    }

    @Test
    void theDeadlinesHoldThroughTls() throws Exception {
        try (Socket tls = certificates.connect(server.port())) {
            tls.getOutputStream().write("{\"msgid\":20".getBytes(StandardCharsets.UTF_8));

            assertClosedWithin(tls, SHORT.plusSeconds(3));
        }
        assertServed();
    }

    private void assertServed() throws IOException {
        try (RawClient client = new RawClient(certificates.connect(server.port()))) {
            assertEquals(21, client.answer(client.request("\"msgid\":20")).path("msgid").asInt());
        }
    }

    /** Reads (and ignores: a TLS alert, perhaps) until the server ends the connection, which must be in time. */
    private static void assertClosedWithin(Socket socket, Duration limit) throws IOException {
        socket.setSoTimeout((int) limit.toMillis());
        long deadline = System.nanoTime() + limit.toNanos();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[512];
        try {
            while (in.read(buffer) >= 0) {
                assertTrue(System.nanoTime() < deadline, "closed within " + limit);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open for " + limit, e);
        } catch (IOException resetIsAnEndToo) {
            // A server closing with our unread bytes in its buffer resets the connection.
        }
    }
}
