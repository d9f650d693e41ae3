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
 * The real server, in a JVM of its own, and scripted clients in their non-interactive mode, checking what a
 * user would read.
 */
class ChatClientEndToEndTest {

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
    void twoUsersChatOneToOneAndInAGroupThenReadHistoryAndWhatCameWhileAway() throws Exception {
        ScriptedClient alice = new ScriptedClient("alice", server.port());
        ScriptedClient ming = new ScriptedClient("ming", server.port());
        alice.expect("connected to 127.0.0.1:" + server.port());

        int a = alice.register("alice", "pw-a");
        int m = ming.register("小明", "pw-m");
        alice.send("login " + a + " pw-a");
        alice.expect("logged in as alice (id " + a + ")");
        alice.expect("Friends: none yet");
        ming.send("login " + m);
        ming.send("pw-m");
        ming.expect("logged in as 小明 (id " + m + ")");

        alice.send("addfriend " + m);
        alice.expect("[" + m + "]小明 is now your friend (online)");
        ming.expect("[" + a + "]alice added you as a friend (online)");
        alice.send("chat " + m + " 你好 🎉 \"quoted\"");
        alice.expect("sent to [" + m + "]小明 at ");
        ming.expect("[" + a + "]alice said: 你好 🎉 \"quoted\"");
        ming.send("chat:" + a + ":hi: with a colon");
        ming.expect("sent to [" + a);
        alice.expect("[" + m + "]小明 said: hi: with a colon");
        ming.send("friends");
        assertTrue(ming.expect("[" + a + "]alice").endsWith("online  (1 unread)"),
                "friendship is mutual, alice is on, and her chat is unread");

        alice.send("creategroup 开发组 backend folks");
        int g = alice.expectCreatedGroup();
        ming.send("addgroup:" + g);
        ming.expect("joined group [" + g + "]开发组 (2 members)");
        alice.expect("[" + m + "]小明 joined group [" + g + "]开发组");
        ming.send("groupchat " + g + " 大家好");
        ming.expect("sent to group [" + g + "]开发组 at ");
        alice.expect("[" + m + "]小明 in group [" + g + "]开发组 said: 大家好");
        alice.send("groupchat:" + g + ":👋 welcome");
        alice.expect("sent to group [" + g + "]");
        ming.expect("[" + a + "]alice in group [" + g + "]开发组 said: 👋 welcome");
        alice.send("groups");
        alice.expect("[" + g + "]开发组: backend folks");
        assertTrue(alice.expect("[" + a + "]alice").contains("creator"));
        assertTrue(alice.expect("[" + m + "]小明").contains("normal"));

        alice.send("history friend " + m + " 1");
        alice.expect("messages with [" + m + "]小明, oldest first:");
        alice.expect("[" + m + "]小明: hi: with a colon");
        alice.expect("(type 'more' for older messages)");
        alice.send("more");
        alice.expect("[" + a + "]alice: 你好 🎉 \"quoted\"");
        alice.send("history group " + g);
        alice.expect("messages in group [" + g + "]开发组, oldest first:");
        alice.expect("[" + a + "]alice: 👋 welcome");

        ming.send("logout");
        ming.expect("logged out; log in again with: login 小明");
        alice.expect("[" + m + "]小明 is offline");
        alice.send("chat " + m + " are you there?");
        // The offline event told alice's client, so it says the chat waits for 小明.
        alice.expect("kept for [" + m + "]小明 (offline; they get it when they log in)");
        ming.send("login " + m + " pw-m");
        // This server still puts waiting chats in the login ack and refuses sync: they are shown all the same.
        ming.expect("While you were away (1):");
        ming.expect("[" + a + "]alice said: are you there?");
        ming.send("chat " + a + " 再见");
        alice.expect("[" + m + "]小明 said: 再见");

        alice.send("quit");
        ming.endInput();
        for (ScriptedClient client : new ScriptedClient[] {alice, ming}) {
            client.expect("logged out");
            client.expect("bye");
            assertEquals(0, client.exit(), client.transcript());
            assertFalse(client.transcript().contains("Exception"), client.transcript());
        }
    }

    @Test
    void mistakesAndRefusalsGetClearFeedbackOnStderrAndKeepGoingRunsEveryLine() throws Exception {
        ScriptedClient carol = new ScriptedClient("carol", server.port(), "--keep-going");
        carol.send("chat 1 hi");
        carol.expectOnStderr("error: log in first: login NAME|ID [PASSWORD], or register NAME [PASSWORD]");
        carol.send("login 999999 nope");
        carol.expectOnStderr("error: id or password is invalid!");
        int c = carol.register("carol", "pw-c");
        carol.send("register carol 'other'");
        assertTrue(carol.expectOnStderr("error: ").contains("taken"), "a taken name is refused");
        carol.send("login " + c + " pw-c");
        carol.expect("logged in as carol");

        carol.send("chat abc hello");
        carol.expectOnStderr("error: 'abc' is not a number like 23");
        carol.expectOnStderr("usage: chat FRIEND_ID MESSAGE   or   chat:FRIEND_ID:MESSAGE");
        carol.send("dance");
        carol.expectOnStderr("error: unknown command 'dance'");
        carol.send("login " + c + " pw-c");
        carol.expectOnStderr("error: you are logged in as carol");
        carol.send("joingroup 999999");
        carol.expectOnStderr("error: ");
        carol.send("groupchat 999999 anyone?");
        carol.expectOnStderr("error: ");
        carol.send("more");
        carol.expectOnStderr("error: nothing to page through yet");

        carol.endInput();
        carol.expect("bye");
        assertEquals(4, carol.exit(), "a command failed");
        assertFalse(carol.transcript().contains("Exception"), carol.transcript());
    }

    @Test
    void aScriptStopsAtItsFirstFailedCommandAndExitsFour() throws Exception {
        ScriptedClient dave = new ScriptedClient("dave", server.port());
        int d = dave.register("dave", "pw-d");
        dave.send("login " + d);
        dave.send("wrong password");
        dave.send("creategroup never-made");
        dave.expectOnStderr("error: id or password is invalid!");
        dave.expectOnStderr("error: stopped: the command on line 2 failed, so the lines after it were not run");
        dave.expect("bye");
        assertEquals(4, dave.exit());
        assertFalse(dave.transcript().contains("never-made"), dave.transcript());
    }

    @Test
    void aScriptWithoutFailuresExitsZeroWithNothingOnStderr() throws Exception {
        ScriptedClient erin = new ScriptedClient("erin", server.port());
        int e = erin.register("erin", "pw-e");
        erin.send("login " + e + " pw-e");
        erin.expect("logged in as erin");
        erin.send("quit");
        erin.expect("bye");
        assertEquals(0, erin.exit());
        assertFalse(erin.transcript().contains(ScriptedClient.STDERR), erin.transcript());
    }

    @Test
    void sentChatsNameTheirRecipientAndSayWhenOneIsKeptForAnOfflineFriend() throws Exception {
        ScriptedClient fay = new ScriptedClient("fay", server.port());
        ScriptedClient gus = new ScriptedClient("gus", server.port());
        int f = fay.register("fay", "pw-f");
        int g = gus.register("gus", "pw-g");
        int h = fay.register("hal", "pw-h");
        fay.send("login " + f + " pw-f");
        fay.expect("logged in as fay");
        gus.send("login " + g + " pw-g");
        gus.expect("logged in as gus");
        fay.send("creategroup \"fay's group\" 'where we meet'");
        int group = fay.expectCreatedGroup();
        gus.send("joingroup " + group);
        gus.expect("joined group [" + group + "]fay's group (2 members)");
        fay.send("groups");
        fay.expect("[" + group + "]fay's group: where we meet");

        fay.send("chat " + g + " not friends, but I know your name from the group");
        fay.expect("sent to [" + g + "]gus at ");
        fay.send("chat " + f + " a note to myself");
        fay.expect("sent to [" + f + "]fay (yourself) at ");
        fay.send("addfriend " + h);
        fay.expect("[" + h + "]hal is now your friend (offline)");
        fay.send("chat " + h + " see you later");
        fay.expect("kept for [" + h + "]hal (offline; they get it when they log in) at ");

        fay.send("quit");
        gus.send("quit");
        for (ScriptedClient client : new ScriptedClient[] {fay, gus}) {
            client.expect("bye");
            assertEquals(0, client.exit(), client.transcript());
        }
    }
}
