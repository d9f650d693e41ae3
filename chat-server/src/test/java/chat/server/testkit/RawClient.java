package chat.server.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A client that speaks raw JSON over a socket, as nc or the original C++ client would: it writes what the test
 * gives it and reads the server's lines, each wait bounded by five seconds. The request helpers add a
 * {@code seq} and find its answer among chats and notices arriving meanwhile.
 */
public final class RawClient implements AutoCloseable {
    /** The password {@link #register} gives every user and {@link #login} sends. */
    public static final String PASSWORD = "secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Socket socket;
    private final OutputStream out;
    private final BufferedReader in;
    private int seq;

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

    public void sendLine(String json) throws IOException {
        sendRaw((json + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends the request made of {@code fields} with the next {@code seq} added, and returns that seq. */
    public int request(String fields) throws IOException {
        int s = ++seq;
        sendLine("{" + fields + ",\"seq\":" + s + "}");
        return s;
    }

    /** The next line from the server as JSON; fails after five seconds of silence. */
    public JsonNode read() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("the server closed the connection");
        }
        return JSON.readTree(line);
    }

    /** The first line that matches, skipping others; fails after five seconds. */
    public JsonNode readUntil(Predicate<JsonNode> wanted) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = read();
            if (wanted.test(message)) {
                return message;
            }
        }
        throw new IOException("no matching message within " + WAIT);
    }

    /** The answer to request {@code s}. */
    public JsonNode answer(int s) throws IOException {
        return readUntil(m -> m.path("seq").asInt(-1) == s);
    }

    /** The next message of type {@code msgid} that is not an answer to a request. */
    public JsonNode push(int msgid) throws IOException {
        return readUntil(m -> m.path("msgid").asInt() == msgid && !m.has("seq"));
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

    /** Registers {@code name} with {@link #PASSWORD} and returns the new user's id. */
    public int register(String name) throws IOException {
        JsonNode ack = answer(request("\"msgid\":4,\"name\":\"" + name + "\",\"password\":\"" + PASSWORD + "\""));
        assertEquals(0, ack.path("errno").asInt(-1), ack.toString());
        return ack.get("id").intValue();
    }

    /** The login ack, whatever its errno. */
    public JsonNode login(int id) throws IOException {
        return answer(request("\"msgid\":1,\"id\":" + id + ",\"password\":\"" + PASSWORD + "\""));
    }

    public JsonNode loginOk(int id) throws IOException {
        JsonNode ack = login(id);
        assertEquals(0, ack.path("errno").asInt(-1), ack.toString());
        return ack;
    }

    public void logout() throws IOException {
        assertEquals(12, answer(request("\"msgid\":3")).path("msgid").asInt(), "logout ack");
    }

    /** Sends a one-to-one chat and returns its ack. */
    public JsonNode chat(int toid, String msg) throws IOException {
        return answer(request("\"msgid\":6,\"toid\":" + toid + ",\"msg\":\"" + msg + "\""));
    }

    /**
     * Every chat a sync after {@code after} returns (null: from the server's position), page by page, oldest
     * first, as our client asks for them.
     */
    public List<JsonNode> sync(Long after) throws IOException {
        List<JsonNode> chats = new ArrayList<>();
        Long from = after;
        boolean more = true;
        while (more) {
            JsonNode page = answer(request("\"msgid\":24" + (from == null ? "" : ",\"after\":" + from)));
            assertEquals(25, page.path("msgid").asInt(), page.toString());
            for (JsonNode chat : page.get("messages")) {
                chats.add(chat);
                from = chat.get("mid").longValue();
            }
            more = page.get("more").booleanValue();
        }
        return chats;
    }

    /** The texts of the chats a sync after {@code after} returns. */
    public List<String> syncedTexts(Long after) throws IOException {
        return sync(after).stream().map(chat -> chat.get("msg").textValue()).toList();
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
