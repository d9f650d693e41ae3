package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.testkit.ServerProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two scripted clients against the real server, in a JVM of its own, using names rather than ids: what each user
 * reads when the other befriends them, comes and goes, joins and leaves a group, ends the friendship, and when a
 * password changes.
 */
class EventsEndToEndTest {

    @TempDir
    static Path dir;
    private static ServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ServerProcess.embedded(dir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eachSeesTheOthersChangesAsTheyHappenByName() throws Exception {
        ScriptedClient alice = new ScriptedClient("alice", server.port());
        ScriptedClient bob = new ScriptedClient("bob", server.port());
        int a = alice.register("alice", "pw-a");
        int b = bob.register("bob", "pw-b");
        alice.send("login alice pw-a");
        alice.expect("logged in as alice (id " + a + ")");
        bob.send("login bob");
        bob.send("pw-b");
        bob.expect("logged in as bob (id " + b + ")");

        alice.send("find bob");
        alice.expect("[" + b + "]bob (online): not your friend; addfriend bob to change that");
        alice.send("addfriend bob");
        alice.expect("[" + b + "]bob is now your friend (online)");
        bob.expect("[" + a + "]alice added you as a friend (online)");
        bob.send("open alice");
        bob.expect("talking with [" + a + "]alice");
        bob.send("close");
        bob.expect("left the conversation");

        bob.send("logout");
        bob.expect("logged out; log in again with: login bob");
        alice.expect("[" + b + "]bob is offline");
        alice.send("chat " + b + " see you later");
        alice.expect("kept for [" + b + "]bob (offline; they get it when they log in)");
        bob.send("login bob pw-b");
        bob.expect("logged in as bob");
        alice.expect("[" + b + "]bob is online");
        bob.expect("[" + a + "]alice said: see you later");

        alice.send("creategroup team 'the team'");
        int g = alice.expectCreatedGroup();
        bob.send("joingroup " + g);
        bob.expect("joined group [" + g + "]team (2 members)");
        alice.expect("[" + b + "]bob joined group [" + g + "]team");
        bob.send("leave team");
        bob.expect("left group [" + g + "]team");
        alice.expect("[" + b + "]bob left group [" + g + "]team");
        bob.send("groups");
        bob.expect("Groups: none yet");

        alice.send("unfriend bob");
        alice.expect("[" + b + "]bob is no longer your friend, nor you theirs");
        bob.expect("[" + a + "]alice removed you as a friend");
        bob.send("friends");
        bob.expect("Friends: none yet");

        alice.send("passwd pw-a 'new pw'");
        alice.expect("password changed");
        alice.send("quit");
        bob.send("quit");
        for (ScriptedClient client : new ScriptedClient[] {alice, bob}) {
            client.expect("bye");
            assertEquals(0, client.exit(), client.transcript());
            assertFalse(client.transcript().contains("Exception"), client.transcript());
        }
        assertFalse(alice.transcript().contains("new pw"), "a password is never shown");

        ScriptedClient again = new ScriptedClient("alice again", server.port(), "--keep-going");
        again.send("login alice pw-a");
        again.expectOnStderr("error: id or password is invalid!");
        again.send("login alice 'new pw'");
        again.expect("logged in as alice (id " + a + ")");
        again.endInput();
        again.expect("bye");
        assertEquals(4, again.exit(), "the old password failed");
    }

    @Test
    void unknownNamesAreClearErrors() throws Exception {
        ScriptedClient carol = new ScriptedClient("carol", server.port(), "--keep-going");
        carol.register("carol", "pw-c");
        carol.send("login nobody-by-that-name pw-c");
        carol.expectOnStderr("error: id or password is invalid!");
        carol.send("login carol pw-c");
        carol.expect("logged in as carol");
        carol.send("addfriend nobody-by-that-name");
        carol.expectOnStderr("error: no user named 'nobody-by-that-name'");
        carol.send("find nobody-by-that-name");
        carol.expectOnStderr("error: no user named 'nobody-by-that-name'");
        carol.send("leave nowhere");
        carol.expectOnStderr("error: no group named 'nowhere' in your list");
        carol.send("passwd wrong other");
        carol.expectOnStderr("error: the current password is wrong");
        carol.endInput();
        carol.expect("bye");
        assertEquals(4, carol.exit());
        assertTrue(carol.transcript().contains("logged out"), carol.transcript());
    }
}
