package chat.server.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client that speaks raw JSON over a socket, as nc or the original C++ client would: it writes what the test
 * gives it and reads the server's lines, each wait bounded by five seconds. The request helpers are
 * {@link JsonClient}'s.
 */
public final class RawClient extends JsonClient {
    private final Socket socket;
    private final OutputStream out;
    private final BufferedReader in;

    public RawClient(int port) throws IOException {
        this(new Socket("127.0.0.1", port));
    }

    /** Over a socket the test opened, e.g. a TLS one. */
    public RawClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout((int) WAIT.toMillis());
        out = socket.getOutputStream();
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Sends the text as the original client does: the JSON and one NUL byte. */
    public void sendWithNul(String json) throws IOException {
        sendRaw((json + "\0").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    void send(String json) throws IOException {
        sendLine(json);
    }

    public void sendLine(String json) throws IOException {
        sendRaw((json + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next line from the server as JSON; fails after five seconds of silence. */
    @Override
    public JsonNode read() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("the server closed the connection");
        }
        return JSON.readTree(line);
    }

    /** True when nothing arrives within {@code wait}. */
    public boolean quietFor(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        try {
            return in.readLine() == null;
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout((int) WAIT.toMillis());
        }
    }

    /** True when the server closes the connection within five seconds; lines before that are skipped. */
    public boolean closedByServer() throws IOException {
        try {
            while (in.readLine() != null) {
                // what the server said before closing does not matter here
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** Drops the connection with a TCP reset, as a crashed client or a pulled cable would. */
    public void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
