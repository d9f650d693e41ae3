package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;

import chat.core.Codec;
import chat.server.delivery.Receipts;
import chat.server.dispatch.Dispatcher;
import chat.server.dispatch.Handlers;
import chat.server.ops.Metrics;
import chat.server.session.SessionRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** With --ws-origin, pages of the listed origins may open the WebSocket and others may not. */
@Timeout(30)
class WebSocketOriginsTest {
    private WebSocketServer server;

    @BeforeEach
    void start() {
        server = new WebSocketServer(new WebSocketServer.Settings("127.0.0.1", 0, List.of("https://chat.example.com"),
                100, 1 << 20, Duration.ofSeconds(1), ConnectionTimeouts.DEFAULTS), new Codec(),
                new Dispatcher(new Handlers(), mock(SessionRegistry.class)), mock(Receipts.class),
                Metrics.off());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aListedOriginIsLetInAndAnotherIsRefused() throws IOException {
        assertEquals("HTTP/1.1 101", upgradeStatus("Origin: https://chat.example.com\r\n"));
        assertEquals("HTTP/1.1 403", upgradeStatus("Origin: http://evil.example\r\n"));
        assertEquals("HTTP/1.1 101", upgradeStatus(""), "a client that is not a browser sends no Origin");
    }

    private String upgradeStatus(String originHeader) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n" + originHeader + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        }
    }
}
