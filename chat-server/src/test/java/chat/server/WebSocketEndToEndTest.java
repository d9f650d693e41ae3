package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.core.Limits;
import chat.server.testkit.LocalNode;
import chat.server.testkit.RawClient;
import chat.server.testkit.WebSocketClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node with its web client and WebSocket ({@code --ws-port}), driven by the JDK's WebSocket client beside raw
 * TCP clients: the same protocol on both, one JSON object per frame, and the same limits.
 */
@Timeout(60)
class WebSocketEndToEndTest {
    @TempDir
    Path dataDir;
    private LocalNode node;

    @BeforeEach
    void startNode() throws IOException {
        node = LocalNode.startWithWeb(dataDir);
    }

    @AfterEach
    void stopNode() throws IOException {
        node.close();
    }

    @Test
    void aWebSocketUserAndATcpUserChatWithAcksEventsAndSync() throws IOException {
        WebSocketClient web = node.connectWeb();
        int webUser = web.register("网页");
        RawClient tcp = node.connect();
        int tcpUser = tcp.register("tcp");
        JsonNode ack = web.loginOk(webUser);
        assertTrue(ack.has("token") && ack.has("cursor"), "a client with seq gets a token and a cursor: " + ack);
        tcp.loginOk(tcpUser);

        tcp.answer(tcp.request("\"msgid\":7,\"friendid\":" + webUser));
        JsonNode added = web.push(28);
        assertEquals(tcpUser, added.get("friend").get("id").intValue());

        tcp.chat(webUser, "你好 over TCP 👋");
        JsonNode chat = web.push(6);
        assertEquals("你好 over TCP 👋", chat.get("msg").textValue());
        assertEquals(tcpUser, chat.get("id").intValue());

        JsonNode chatAck = web.answer(web.request("\"msgid\":6,\"toid\":" + tcpUser
                + ",\"msg\":\"hi from a browser 🎉\""));
        assertEquals(13, chatAck.get("msgid").intValue(), chatAck.toString());
        JsonNode atTcp = tcp.push(6);
        assertEquals("hi from a browser 🎉", atTcp.get("msg").textValue());
        assertEquals(chatAck.get("mid").longValue(), atTcp.get("mid").longValue());

        JsonNode synced = web.answer(web.request("\"msgid\":24,\"after\":0"));
        assertEquals(chat.get("mid").longValue(), synced.get("messages").get(0).get("mid").longValue());
    }

    @Test
    void aWebSocketThatDropsWithoutAClosingFrameLogsItsUserOut() throws IOException {
        WebSocketClient web = node.connectWeb();
        int webUser = web.register("leaver");
        RawClient tcp = node.connect();
        int tcpUser = tcp.register("friend");
        web.loginOk(webUser);
        tcp.loginOk(tcpUser);
        tcp.answer(tcp.request("\"msgid\":7,\"friendid\":" + webUser));

        web.abort();
        JsonNode presence = tcp.push(31);
        if ("online".equals(presence.get("friend").get("state").textValue())) {
            // The login's own "came online", told after its ack, may reach the friend added meanwhile.
            presence = tcp.push(31);
        }
        assertEquals(webUser, presence.get("friend").get("id").intValue());
        assertEquals("offline", presence.get("friend").get("state").textValue());
        WebSocketClient again = node.connectWeb();
        again.loginOk(webUser); // not "already online"
    }

    @Test
    void oneRequestPerTextMessageAndBrokenOnesAreAnsweredWithoutClosing() throws IOException {
        WebSocketClient web = node.connectWeb();
        web.sendText("{\"msgid\":20,\"seq\":1");
        assertEquals(3, web.read().get("errno").intValue(), "malformed JSON");
        web.sendBinary("{\"msgid\":20,\"seq\":2}".getBytes(StandardCharsets.UTF_8));
        assertEquals(3, web.read().get("errno").intValue(), "binary frames are refused");
        assertEquals(21, web.answer(web.request("\"msgid\":20")).get("msgid").intValue(), "still open");
        web.sendText("{\"msgid\":6,\"toid\":1,\"msg\":\"x\",\"seq\":9}");
        assertEquals(5, web.answer(9).get("errno").intValue(), "nothing but register, login and ping before login");
    }

    @Test
    void aMessageOverTheFrameLimitGetsErrorNineAndTheConnectionCloses() throws IOException {
        WebSocketClient web = node.connectWeb();
        web.sendText("{\"msgid\":20,\"pad\":\"" + "x".repeat(Limits.MAX_FRAME_BYTES) + "\"}");
        assertEquals(9, web.read().get("errno").intValue());
        assertEquals(1000, web.closeCode());
    }

    @Test
    void aPageOfAnotherOriginMayNotOpenTheWebSocket() throws IOException {
        assertEquals("HTTP/1.1 403", upgradeStatus("http://evil.example"));
        assertEquals("HTTP/1.1 101", upgradeStatus("http://127.0.0.1:" + node.webPort()));
    }

    private String upgradeStatus(String origin) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", node.webPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + node.webPort() + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nOrigin: " + origin + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] status = in.readNBytes(12);
            return new String(status, StandardCharsets.US_ASCII);
        }
    }

    @Test
    void theWebClientIsServedAndNothingBesideIt() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> index = get(http, "/");
            assertEquals(200, index.statusCode());
            assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(index.body().contains("<script type=\"module\" src=\"app.js\">"), index.body());
            for (String file : List.of("/app.js", "/link.js", "/memory.js", "/view.js", "/app.css", "/icon.svg")) {
                assertEquals(200, get(http, file).statusCode(), file);
            }
            assertEquals("text/javascript; charset=utf-8",
                    get(http, "/app.js").headers().firstValue("Content-Type").orElse(""));
            for (String missing : List.of("/nothing.js", "/logback.xml", "/web/app.js", "/db/migration/x.sql",
                    "/chat/server/Main.class")) {
                assertEquals(404, get(http, missing).statusCode(), missing);
            }
            HttpResponse<String> outside = get(http, "/%2e%2e/pom.xml");
            assertTrue(outside.statusCode() == 400 || outside.statusCode() == 404, outside.toString());
        }
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.webPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
