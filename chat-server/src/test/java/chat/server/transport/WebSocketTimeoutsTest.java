package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import chat.core.Codec;
import chat.core.Message.Login;
import chat.core.Message.LoginAck;
import chat.core.Message.Ping;
import chat.server.delivery.Receipts;
import chat.server.dispatch.Dispatcher;
import chat.server.dispatch.Handlers;
import chat.server.handler.Handler;
import chat.server.handler.PingHandler;
import chat.server.ops.Metrics;
import chat.server.session.SessionRegistry;
import chat.server.session.TestSessions;
import chat.server.storage.UserRef;
import chat.server.testkit.WebSocketClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The WebSocket keeps TCP's deadlines (here shortened to a second or two): no login in time, or a client that
 * sent {@code seq} and then fell silent, gets TCP's error and a close; pings keep it open.
 */
@Timeout(30)
class WebSocketTimeoutsTest {
    private static final ConnectionTimeouts SHORT = new ConnectionTimeouts(Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofMillis(1500));

    private WebSocketServer server;

    @BeforeEach
    void start() {
        // Any login is user 1's, as a client that sent seq (so it must ping); nothing is claimed cluster-wide.
        Handler<Login> login = (session, request) -> {
            TestSessions.logIn(session, new UserRef(1, "one"), true);
            session.reply(new LoginAck(request.seq(), 0, null, 1, "one", null, null, null));
        };
        Dispatcher dispatcher = new Dispatcher(new Handlers()
                .beforeLogin(Login.class, login)
                .beforeLogin(Ping.class, new PingHandler()), mock(SessionRegistry.class));
        server = new WebSocketServer(new WebSocketServer.Settings("127.0.0.1", 0, List.of(), 100, 1 << 20,
                Duration.ofSeconds(1), SHORT), new Codec(), dispatcher, mock(Receipts.class), Metrics.off());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aClientThatDoesNotLogInInTimeIsToldAndClosedEvenIfItPings() throws IOException {
        try (WebSocketClient client = new WebSocketClient(server.port())) {
            client.answer(client.request("\"msgid\":20"));
            JsonNode error = client.readUntil(m -> !m.has("seq"));
            assertEquals(11, error.get("errno").intValue());
            assertEquals("no login within 1 s; closing the connection", error.get("errmsg").textValue());
            assertEquals(1000, client.closeCode());
        }
    }

    @Test
    void aLoggedInClientThatPingsStaysAndOneThatFallsSilentIsClosed() throws Exception {
        try (WebSocketClient client = new WebSocketClient(server.port())) {
            client.answer(client.request("\"msgid\":1,\"id\":1,\"password\":\"x\""));
            for (int i = 0; i < 4; i++) {
                Thread.sleep(600);
                assertEquals(21, client.answer(client.request("\"msgid\":20")).get("msgid").intValue());
            }
            JsonNode error = client.readUntil(m -> !m.has("seq"));
            assertTrue(error.get("errmsg").textValue().startsWith("nothing received for 1 s"), error.toString());
            assertEquals(1000, client.closeCode());
        }
    }
}
