package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.core.Limits;
import chat.server.testkit.Backend;
import chat.server.testkit.RawClient;
import chat.server.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Finding 1 of issue 10: a login ack that had to carry everything waiting (or every friend) grew past what the
 * server sends, the connection was closed without an answer, and every later login failed the same way. Now a
 * login answers whatever waits: a bounded ack, and the rest after it.
 */
@Timeout(120)
class LoginNeverLocksOutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 4,000 quotes: the longest chat, and each quote doubles when written as JSON, and again in the ack. */
    private static final String QUOTES = "\\\"".repeat(Limits.MAX_MESSAGE_CHARS - 10);

    private TestDatabase database;
    private ChatNode node;

    @BeforeEach
    void start() throws IOException {
        database = TestDatabase.create(Backend.MARIADB);
        node = ChatNode.start(new ChatNode.Settings("127.0.0.1", 0, database.settings(), 1000, 1000, 1 << 20,
                Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        node.close();
        database.close();
    }

    @Test
    void theOriginalClientIsAnsweredHoweverMuchWaitedAndGetsTheRestAfterTheAck() throws Exception {
        try (RawClient setup = new RawClient(node.port()); RawClient ann = new RawClient(node.port());
             RawClient bob = new RawClient(node.port())) {
            int annId = setup.register("ann");
            int bobId = setup.register("bob");
            ann.loginOk(annId);
            for (int i = 0; i < 100; i++) {
                assertEquals(13, ann.chat(bobId, i + QUOTES).path("msgid").asInt());
            }

            bob.sendWithNul("{\"msgid\":1,\"id\":" + bobId + ",\"password\":\"" + RawClient.PASSWORD + "\"}");
            JsonNode ack = bob.read();
            assertEquals(0, ack.path("errno").asInt(), "the login is answered");
            assertTrue(ack.toString().getBytes(StandardCharsets.UTF_8).length < 512 * 1024, "and the ack is bounded");
            Set<String> got = new HashSet<>();
            for (JsonNode text : ack.path("offlinemsg")) {
                got.add(JSON.readTree(text.textValue()).get("msg").textValue());
            }
            assertTrue(got.size() < 100, "not everything fits the ack: " + got.size());
            while (got.size() < 100) {
                JsonNode chat = bob.read();
                assertEquals(6, chat.path("msgid").asInt(), chat.toString());
                assertTrue(got.add(chat.get("msg").textValue()), "each once");
            }
            for (int i = 0; i < 100; i++) {
                assertTrue(got.contains(i + QUOTES.replace("\\\"", "\"")), "chat " + i);
            }
        }
    }

    @Test
    void ourClientSyncsHoweverMuchWaitedPageByPage() throws Exception {
        try (RawClient setup = new RawClient(node.port()); RawClient ann = new RawClient(node.port());
             RawClient bob = new RawClient(node.port())) {
            int annId = setup.register("ann");
            int bobId = setup.register("bob");
            ann.loginOk(annId);
            for (int i = 0; i < 100; i++) {
                ann.chat(bobId, i + QUOTES);
            }

            JsonNode ack = bob.loginOk(bobId);
            assertFalse(ack.has("offlinemsg"), "our client syncs");
            List<JsonNode> waited = bob.sync(ack.get("cursor").longValue());
            assertEquals(100, waited.size());
            assertEquals(100, waited.stream().map(chat -> chat.get("mid").longValue()).distinct().count());
        }
    }

    @Test
    void aUserBefriendedByThousandsIsStillAnsweredWithTheFriendsThatFit() throws Exception {
        int befriended = 9000;
        try (RawClient setup = new RawClient(node.port()); RawClient bob = new RawClient(node.port())) {
            int bobId = setup.register("bob");
            database.database().jdbi().useHandle(h -> {
                PreparedBatch users = h.prepareBatch("INSERT INTO `user` (name, password) VALUES (:name, 'x')");
                for (int i = 0; i < befriended; i++) {
                    users.bind("name", "admirer-" + i).add();
                }
                users.execute();
                h.execute("INSERT INTO friend (userid, friendid) SELECT ?, id FROM `user` WHERE name LIKE "
                        + "'admirer-%'", bobId);
                h.execute("INSERT INTO friend (userid, friendid) SELECT id, ? FROM `user` WHERE name LIKE "
                        + "'admirer-%'", bobId);
            });

            bob.sendWithNul("{\"msgid\":1,\"id\":" + bobId + ",\"password\":\"" + RawClient.PASSWORD + "\"}");
            JsonNode ack = bob.read();

            assertEquals(0, ack.path("errno").asInt());
            int listed = ack.path("friends").size();
            assertTrue(listed > 100 && listed < befriended, "the friends that fit: " + listed);
            assertTrue(ack.toString().getBytes(StandardCharsets.UTF_8).length < 512 * 1024);
            JsonNode contacts = bob.answer(bob.request("\"msgid\":22"));
            assertEquals(listed, contacts.path("friends").size(), "the contact list is cut the same way");
        }
    }
}
