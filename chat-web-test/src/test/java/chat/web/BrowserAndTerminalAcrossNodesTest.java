package chat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.ChatNode;
import chat.server.auth.PasswordGate;
import chat.server.cluster.ClusterSettings;
import chat.server.testkit.Backend;
import chat.server.testkit.Nginx;
import chat.server.testkit.RedisServer;
import chat.server.testkit.TestDatabase;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A cluster of two nodes (a private Redis, a fresh MariaDB database) behind the repository's nginx.conf: a user
 * in a browser, whose page and WebSocket go through nginx's HTTP side, chats with a user of the terminal client
 * connected to the other node, both ways; keeps chatting when its own node stops (nginx sends the reconnect to the
 * other node); and sees the terminal user go offline.
 */
@Timeout(90)
class BrowserAndTerminalAcrossNodesTest {
    private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);

    @Test
    void aBrowserUserBehindNginxAndATerminalUserOnTheOtherNodeChat() throws Exception {
        try (RedisServer redis = RedisServer.start(); TestDatabase database = TestDatabase.create(Backend.MARIADB);
             ChatNode node1 = node(redis, database, "node-1"); ChatNode node2 = node(redis, database, "node-2");
             Nginx nginx = Nginx.start(node1.port(), node2.port(), node1.webPort(), node2.webPort());
             Browser browser = Browser.open("browser", "http://127.0.0.1:" + nginx.webPort() + "/")) {
            String webName = "网页" + RUN;
            String termName = "term" + RUN;
            int webId = browser.register(webName, "secret-w");
            String webNode = redis.get("chat:presence:" + webId);
            int otherNode = webNode.equals("node-1") ? node2.port() : node1.port();
            int termId;
            try (TerminalUser terminal = TerminalUser.start("terminal", otherNode)) {
                terminal.send("register " + termName);
                terminal.send("secret-t");
                String registered = terminal.expect("registered " + termName + " with id ");
                termId = Integer.parseInt(registered.replaceAll(".* with id (\\d+).*", "$1"));
                terminal.send("login " + termId);
                terminal.send("secret-t");
                terminal.expect("logged in as " + termName);
                assertNotEquals(webNode, redis.get("chat:presence:" + termId), "the two users are on two nodes");

                browser.addFriend(termName);
                terminal.send("friends"); // the terminal client lists contacts; it does not print events
                assertTrue(terminal.expect(webName).contains("online"), "the browser user shows online");
                browser.openConversation("friend", termId);
                browser.send("你好 from the browser 👋");
                terminal.expect("said: 你好 from the browser 👋");
                terminal.send("chat " + webId + " 你好 from the terminal 🎉");
                terminal.expect("sent to");
                browser.awaitMessage("你好 from the terminal 🎉");

                // The browser's node stops: its WebSocket drops, and the page reconnects through nginx to the
                // other node, logs back in with its token and syncs; a chat sent meanwhile arrives exactly once.
                (webNode.equals("node-1") ? node1 : node2).close();
                terminal.send("chat " + webId + " sent while you were away 🔌");
                browser.awaitMessage("sent while you were away 🔌");
                browser.awaitLoggedIn();
                assertNotEquals(webNode, redis.get("chat:presence:" + webId), "now on the other node");
                List<String> mids = browser.mids();
                assertEquals(3, browser.messages().size(), browser.messages().toString());
                assertEquals(3, new HashSet<>(mids).size(), "no chat twice: " + mids);
                browser.screenshot("across-nodes.png");
            }
            // The terminal user quit on the other node: the browser hears it through Redis.
            browser.awaitOnline("friend", termId, false);
        }
    }

    private static ChatNode node(RedisServer redis, TestDatabase database, String nodeId) throws IOException {
        return ChatNode.start(new ChatNode.Settings("127.0.0.1", 0, database.settings(), 1000, 1000, 1 << 20,
                Duration.ofSeconds(2), new ClusterSettings(redis.uri(), nodeId, ClusterSettings.DEFAULT_PREFIX,
                        ClusterSettings.DEFAULT_PRESENCE_TTL, Duration.ZERO),
                PasswordGate.Limits.withThreads(1))
                .withWeb(new ChatNode.Web("127.0.0.1", 0, List.of())));
    }
}
