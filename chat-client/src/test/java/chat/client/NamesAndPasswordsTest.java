package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.Member;
import chat.core.Message;
import chat.core.Message.AddFriend;
import chat.core.Message.AddFriendAck;
import chat.core.Message.ChangePassword;
import chat.core.Message.ChangePasswordAck;
import chat.core.Message.ContactsRequest;
import chat.core.Message.FindUser;
import chat.core.Message.FindUserAck;
import chat.core.Message.LeaveGroup;
import chat.core.Message.LeaveGroupAck;
import chat.core.Message.Login;
import chat.core.Message.LoginAck;
import chat.core.Message.LogoutAck;
import chat.core.Message.RemoveFriend;
import chat.core.Message.RemoveFriendAck;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Names where ids were, leaving, unfriending and changing the password, against a scripted server where alice (7)
 * has a friend bob (8) and is in group devs (3); the server knows carol (9) too. What reaches the server is
 * recorded, passwords included, to check what went over the wire.
 */
class NamesAndPasswordsTest {
    private static final long WAIT_SECONDS = 10;
    private static final Friend BOB = new Friend(8, "bob", "online");
    private static final Group DEVS = new Group(3, "devs", "", List.of(new Member(7, "alice", "online", "creator")));

    private final BlockingQueue<String> requests = new LinkedBlockingQueue<>();

    @Test
    void loginFindAddfriendUnfriendAndLeaveByName() throws Exception {
        try (FakeServer server = new FakeServer(this::answer)) {
            ScriptedClient alice = new ScriptedClient("alice", server.port(), "--keep-going");
            alice.send("login alice secret");
            alice.expect("logged in as alice (id 7)");
            assertEquals("1: login name=alice id=null password=secret", next());

            alice.send("find carol");
            alice.expect("[9]carol (offline): not your friend; addfriend carol to change that");
            assertEquals("1: find carol", next());
            alice.send("find nobody");
            alice.expectOnStderr("error: no user named 'nobody'");
            assertEquals("1: find nobody", next());

            alice.send("addfriend carol");
            alice.expect("[9]carol is now your friend (offline)");
            assertEquals("1: find carol", next());
            assertEquals("1: addfriend 9", next());
            alice.send("addfriend nobody");
            alice.expectOnStderr("error: no user named 'nobody'");
            assertEquals("1: find nobody", next());

            alice.send("unfriend zed");
            alice.expectOnStderr("error: no friend named 'zed' in your list; 'friends' shows them");
            alice.send("unfriend BOB");
            alice.expect("[8]bob is no longer your friend, nor you theirs");
            assertEquals("1: unfriend 8", next());

            alice.send("open devs");
            alice.expect("talking in group [3]devs");
            alice.send("leave devs");
            alice.expect("left group [3]devs; the conversation there is closed, plain lines are commands again");
            assertEquals("1: leave 3", next());
            alice.send("open devs");
            alice.expectOnStderr("error: no friend or group 'devs' in your lists");

            alice.endInput();
            alice.expect("bye");
            assertEquals(4, alice.exit(), "the failed lookups count");
        }
    }

    @Test
    void theTokenAPasswordChangeGivesIsWhatLogsBackInAfterAReconnect() throws Exception {
        try (FakeServer server = new FakeServer(this::answer)) {
            ScriptedClient alice = new ScriptedClient("alice", server.port(), "--keep-going");
            alice.send("login 7 secret");
            alice.expect("logged in as alice (id 7)");
            assertEquals("1: login name=null id=7 password=secret", next());
            alice.send("passwd");
            alice.send("secret");
            alice.send("n3w pass");
            alice.expect("password changed; log in with the new one from now on");
            assertEquals("1: passwd secret -> n3w pass", next());
            alice.send("passwd wrong other");
            alice.expectOnStderr("error: the current password is wrong");
            assertEquals("1: passwd wrong -> other", next());

            alice.send("friends");
            alice.expectOnStderr("* lost the connection");
            alice.expectOnStderr("* logged back in as alice (id 7)");
            assertEquals("2: login token=fresh-1", next(), "the token from before the change is void");
            alice.endInput();
            alice.expect("bye");
            assertFalse(alice.transcript().contains("n3w"), alice.transcript());
        }
    }

    @Test
    void atATerminalTheNewPasswordIsTypedTwiceAndAMismatchChangesNothing() throws Exception {
        try (FakeServer server = new FakeServer(this::answer)) {
            ScriptedClient alice = ScriptedClient.person("alice", server.port());
            alice.send("login 7 secret");
            alice.expect("logged in as alice (id 7)");
            next();
            alice.send("passwd");
            alice.send("secret");
            alice.send("n3w");
            alice.send("new");
            alice.expectOnStderr("error: the two new passwords differ, so the password was not changed");
            alice.send("passwd");
            alice.send("secret");
            alice.send("n3w");
            alice.send("n3w");
            alice.expect("password changed");
            assertEquals("1: passwd secret -> n3w", next(), "only the second try reached the server");
            alice.endInput();
            alice.expect("bye");
            assertEquals(0, alice.exit(), "a person's mistakes are not a script's failures");
        }
    }

    private void answer(int connection, Message request, FakeServer.Reply reply) throws java.io.IOException {
        switch (request) {
            case Login login -> {
                requests.add(connection + ": login " + (login.token() != null ? "token=" + login.token()
                        : "name=" + login.name() + " id=" + login.id() + " password=" + login.password()));
                reply.send(new LoginAck(login.seq(), 0, null, 7, "alice", List.of(BOB), List.of(DEVS), null,
                        "token-" + connection, null));
            }
            case FindUser find -> {
                requests.add(connection + ": find " + find.name());
                if (find.name().equals("carol")) {
                    reply.send(new FindUserAck(find.seq(), new Friend(9, "carol", "offline")));
                } else {
                    reply.send(new Message.Error(find.seq(), find.type().id(), 7,
                            "no user named '" + find.name() + "'"));
                }
            }
            case AddFriend add -> {
                requests.add(connection + ": addfriend " + add.friendid());
                reply.send(new AddFriendAck(add.seq(), new Friend(add.friendid(), "carol", "offline")));
            }
            case RemoveFriend remove -> {
                requests.add(connection + ": unfriend " + remove.friendid());
                reply.send(new RemoveFriendAck(remove.seq(), remove.friendid()));
            }
            case LeaveGroup leave -> {
                requests.add(connection + ": leave " + leave.groupid());
                reply.send(new LeaveGroupAck(leave.seq(), leave.groupid()));
            }
            case ChangePassword change -> {
                requests.add(connection + ": passwd " + change.password() + " -> " + change.newpassword());
                if (change.password().equals("secret")) {
                    reply.send(new ChangePasswordAck(change.seq(), "fresh-" + connection));
                } else {
                    reply.send(new Message.Error(change.seq(), change.type().id(), 1,
                            "the current password is wrong"));
                }
            }
            case ContactsRequest contacts -> reply.hangUp();
            case Message.Logout logout -> reply.send(new LogoutAck(logout.seq()));
            default -> reply.send(new Message.Error(request.seq(), request.type().id(), 3, "not scripted"));
        }
    }

    private String next() throws InterruptedException {
        return requests.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
