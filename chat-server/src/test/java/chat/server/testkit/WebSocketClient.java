package chat.server.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client of a node's WebSocket ({@code --ws-port}) built on the JDK's own WebSocket client, as a browser would
 * use it: one JSON object per text message. The request helpers are {@link JsonClient}'s, as for
 * {@link RawClient}.
 */
public final class WebSocketClient extends JsonClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    /** Connects to {@code ws://127.0.0.1:PORT/ws}, as a page of that origin would. */
    public WebSocketClient(int port) throws IOException {
        try {
            socket = http.newWebSocketBuilder()
                    .header("Origin", "http://127.0.0.1:" + port)
                    .connectTimeout(WAIT)
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new Collector())
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("WebSocket to port " + port + " failed", e);
        }
    }

    @Override
    void send(String json) throws IOException {
        sendText(json);
    }

    public void sendText(String text) throws IOException {
        await(socket.sendText(text, true));
    }

    public void sendBinary(byte[] bytes) throws IOException {
        await(socket.sendBinary(ByteBuffer.wrap(bytes), true));
    }

    /** The next message from the server; fails after five seconds. */
    @Override
    public JsonNode read() throws IOException {
        try {
            String text = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new IOException("nothing from the server within " + WAIT
                        + (closed.isDone() ? "; it closed the WebSocket" : ""));
            }
            return JSON.readTree(text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The close code the server sent, once it closed the WebSocket (within five seconds). */
    public int closeCode() throws IOException {
        try {
            return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the server did not close the WebSocket within " + WAIT, e);
        }
    }

    /** Drops the connection without a close frame, as a crashed browser or a lost network does. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
        http.close();
    }

    private static void await(CompletableFuture<?> sent) throws IOException {
        try {
            sent.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("send failed", e);
        }
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
