package chat.server.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a test client does with requests, whatever carries them ({@link RawClient}: lines over a socket;
 * {@link WebSocketClient}: text messages): the helpers add a {@code seq} and find its answer among the chats and
 * notices arriving meanwhile, each wait bounded by five seconds.
 */
public abstract class JsonClient implements AutoCloseable {
    /** The password {@link #register} gives every user and {@link #login} sends. */
    public static final String PASSWORD = "secret";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(5);

    private int seq;

    /** Sends one request as the transport frames it. */
    abstract void send(String json) throws IOException;

    /** The next message from the server; fails after five seconds of silence. */
    public abstract JsonNode read() throws IOException;

    @Override
    public abstract void close() throws IOException;

    /** Sends the request made of {@code fields} with the next {@code seq} added, and returns that seq. */
    public int request(String fields) throws IOException {
        int s = ++seq;
        send("{" + fields + ",\"seq\":" + s + "}");
        return s;
    }

    /** The first message that matches, skipping others; fails after five seconds. */
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
}
