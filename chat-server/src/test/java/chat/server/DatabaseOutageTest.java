package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.core.ErrorCode;
import chat.server.storage.DatabaseSettings;
import chat.server.testkit.MariaDbServer;
import chat.server.testkit.RawClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10 finding 8: while the database was down, requests waited up to the pool's 30 s with no answer. A node
 * on a private MariaDB, which the test stops and starts again: requests that need the database are refused
 * within a few seconds (RawClient gives up after five), a ping is still answered on the same connection, and
 * once the database is back the node serves again by itself.
 */
@Timeout(120)
class DatabaseOutageTest {
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(5);
    private static final Duration RECOVERED_WITHIN = Duration.ofSeconds(30);

    @Test
    void requestsThatNeedTheDatabaseFailFastWhileItIsDownAndSucceedOnceItIsBack() throws Exception {
        try (MariaDbServer mariadb = MariaDbServer.start()) {
            mariadb.createDatabase("chat");
            DatabaseSettings database = new DatabaseSettings(mariadb.url("chat"), "root", "", 4);
            try (ChatNode node = ChatNode.start(new ChatNode.Settings("127.0.0.1", 0, database, 1000, 100, 1 << 20,
                    Duration.ofSeconds(2)));
                 RawClient ann = new RawClient(node.port());
                 RawClient newcomer = new RawClient(node.port())) {
                ann.loginOk(ann.register("ann"));

                mariadb.stop();

                JsonNode contacts = answeredQuickly(ann, "\"msgid\":22");
                assertEquals(11, contacts.path("msgid").asInt(), contacts.toString());
                assertEquals(ErrorCode.SERVER_ERROR.code(), contacts.path("errno").asInt(), contacts.toString());
                assertEquals(21, answeredQuickly(ann, "\"msgid\":20").path("msgid").asInt(),
                        "a ping needs no database");
                JsonNode register = answeredQuickly(newcomer, "\"msgid\":4,\"name\":\"bob\",\"password\":\"pw\"");
                assertEquals(5, register.path("msgid").asInt(), "a register ack, as the original client expects");
                assertEquals(ErrorCode.SERVER_ERROR.code(), register.path("errno").asInt(), register.toString());

                mariadb.restart();

                awaitContacts(ann);
                assertTrue(newcomer.register("bob") > 0);
            }
        }
    }

    /** The answer to a request, which must come within {@link #ANSWERED_WITHIN}. */
    private static JsonNode answeredQuickly(RawClient client, String fields) throws IOException {
        long start = System.nanoTime();
        JsonNode answer = client.answer(client.request(fields));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(ANSWERED_WITHIN) < 0, "answered after " + took.toMillis() + " ms: " + answer);
        return answer;
    }

    private static void awaitContacts(RawClient client) throws Exception {
        long deadline = System.nanoTime() + RECOVERED_WITHIN.toNanos();
        while (client.answer(client.request("\"msgid\":22")).path("msgid").asInt() != 23) {
            assertTrue(System.nanoTime() < deadline, "the node serves again within " + RECOVERED_WITHIN);
            Thread.sleep(200);
        }
    }
}
