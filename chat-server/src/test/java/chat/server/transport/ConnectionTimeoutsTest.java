package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import chat.core.Codec;
import chat.core.ErrorCode;
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
import chat.server.testkit.RawClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real listener with second-long timeouts, and clients that keep it waiting in each way finding 6 of issue 10
 * named. Closing is checked by outcome (an error, then the end of the stream, within RawClient's five seconds);
 * staying open is checked over a few times the timeout.
 */
@Timeout(60)
class ConnectionTimeoutsTest {
    private static final Duration SHORT = Duration.ofSeconds(1);
    private static final Duration LONG = Duration.ofSeconds(60);

    private ChatServer server;

    private RawClient connect(ConnectionTimeouts timeouts) throws IOException {
        Handler<Login> login = (session, request) -> {
            TestSessions.logIn(session, new UserRef(request.id(), "user" + request.id()), request.seq() != null);
            session.reply(new LoginAck(request.seq(), 0, null, request.id(), "user" + request.id(), null, null, null));
        };
        SessionRegistry sessions = new SessionRegistry(mock(Cluster.class), mock(Mailbox.class),
                () -> Long.MAX_VALUE, mock(ContactEvents.class));
        Dispatcher dispatcher = new Dispatcher(new Handlers()
                .beforeLogin(Login.class, login)
                .beforeLogin(Ping.class, new PingHandler()), sessions);
        server = new ChatServer(new ChatServer.Settings("127.0.0.1", 0, 100, 1 << 20, Duration.ofSeconds(2), timeouts),
                new Codec(), dispatcher, mock(Mailbox.class), Metrics.off());
        server.start();
        return new RawClient(server.port());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aConnectionThatDoesNotLogInIsClosedEvenIfItKeepsPinging() throws Exception {
        try (RawClient client = connect(new ConnectionTimeouts(SHORT, LONG, LONG))) {
            for (int i = 0; i < 2; i++) {
                client.answer(client.request("\"msgid\":20"));
                Thread.sleep(300);
            }

            assertClosedWith(client, "no login within 1 s");
        }
    }

    @Test
    void aRequestSentOnlyInPartClosesTheConnection() throws Exception {
        try (RawClient client = connect(new ConnectionTimeouts(LONG, SHORT, LONG))) {
            client.sendRaw("{".getBytes());

            assertClosedWith(client, "a request was not sent whole within 1 s");
        }
    }

    @Test
    void theStartOfARequestThatArrivesWithAWholeOneIsTimedToo() throws Exception {
        try (RawClient client = connect(new ConnectionTimeouts(LONG, SHORT, LONG))) {
            client.sendWithNul("{\"msgid\":1,\"id\":7,\"password\":\"x\"}");
            client.sendRaw("{\"msgid\":20,\"seq\":1}\n{\"msgid\":20,\"seq\":".getBytes());

            assertEquals(21, client.answer(1).path("msgid").asInt());
            assertClosedWith(client, "a request was not sent whole within 1 s");
        }
    }

    @Test
    void aClientThatLoggedInWithSeqAndStopsPingingIsClosed() throws Exception {
        try (RawClient client = connect(new ConnectionTimeouts(LONG, LONG, SHORT))) {
            client.login(7);

            assertClosedWith(client, "nothing received for 1 s");
        }
    }

    @Test
    void aClientThatLoggedInWithSeqStaysWhileItPings() throws Exception {
        try (RawClient client = connect(new ConnectionTimeouts(LONG, LONG, Duration.ofSeconds(2)))) {
            client.login(7);
            for (int i = 0; i < 30; i++) {
                client.answer(client.request("\"msgid\":20"));
                Thread.sleep(100);
            }

            assertEquals(21, client.answer(client.request("\"msgid\":20")).path("msgid").asInt());
        }
    }

    @Test
    void theOriginalClientIsNeverClosedForSilenceOnceLoggedIn() throws Exception {
        try (RawClient client = connect(new ConnectionTimeouts(SHORT, SHORT, SHORT))) {
            client.sendWithNul("{\"msgid\":1,\"id\":7,\"password\":\"x\"}");
            assertEquals(2, client.read().path("msgid").asInt(), "the login ack");

            assertTrue(client.quietFor(SHORT.multipliedBy(3)), "no error and no hang-up");
            assertEquals(21, client.answer(client.request("\"msgid\":20")).path("msgid").asInt());
        }
    }

    private static void assertClosedWith(RawClient client, String reason) throws IOException {
        JsonNode error = client.readUntil(m -> m.path("msgid").asInt() == 11 && !m.has("seq"));
        assertEquals(ErrorCode.LIMIT_REACHED.code(), error.path("errno").asInt(), error.toString());
        assertTrue(error.path("errmsg").asText().startsWith(reason), error.toString());
        assertTrue(client.closedByServer(), "then the server hangs up");
    }
}
