package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.core.Contacts.Friend;
import chat.core.Message;
import chat.core.Message.ContactsRequest;
import chat.core.Message.Login;
import chat.core.Message.LoginAck;
import chat.core.Message.LogoutAck;
import chat.core.Message.OneChat;
import chat.core.Message.OneChatAck;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Chats typed while the connection is down, against a scripted server that hangs up when asked for contacts and
 * answers the login on the second connection only when the test lets it.
 */
class QueuedChatsTest {
    private static final long WAIT_SECONDS = 10;
    private static final String TIME = "2024-05-01 10:00:00";

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CountDownLatch secondLogin = new CountDownLatch(1);
    private final AtomicLong mids = new AtomicLong(100);

    @Test
    void chatsTypedWhileDisconnectedAreQueuedThenSentInOrderOnceLoggedBackIn() throws Exception {
        try (FakeServer server = new FakeServer((connection, request, reply) -> {
            switch (request) {
                case Login login -> {
                    if (connection > 1 && !letSecondLoginThrough()) {
                        return;
                    }
                    reply.send(new LoginAck(login.seq(), 0, null, 7, "alice",
                            List.of(new Friend(8, "bob", "online")), null, null, "token", null));
                }
                case ContactsRequest contacts -> reply.hangUp();
                case OneChat chat -> {
                    received.add(connection + ": " + chat.msg());
                    reply.send(new OneChatAck(chat.seq(), mids.incrementAndGet(), TIME));
                }
                case Message.Logout logout -> reply.send(new LogoutAck(logout.seq()));
                default -> reply.send(new Message.Error(request.seq(), request.type().id(), 3, "not scripted"));
            }
        })) {
            ScriptedClient alice = new ScriptedClient("alice", server.port(), "--keep-going");
            alice.send("login 7 secret");
            alice.expect("logged in as alice (id 7)");
            alice.send("reconnect");
            alice.expect("connected to 127.0.0.1:" + server.port() + " already");
            alice.send("friends");
            alice.expectOnStderr("* lost the connection to 127.0.0.1:" + server.port());
            alice.send("chat 8 typed while down");
            alice.expect("queued for [8]bob (not connected; sent once logged back in, 'reconnect' tries now)");
            alice.send("open bob");
            alice.send("and this one too");
            alice.expect("queued for [8]bob");
            secondLogin.countDown();
            alice.expectOnStderr("* logged back in as alice (id 7)");
            assertEquals("2: typed while down", received.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals("2: and this one too", received.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            alice.expect("sent to [8]bob at " + TIME + " (was queued)");
            alice.expect("sent to [8]bob at " + TIME + " (was queued)");
            alice.send("after the reconnect");
            alice.expect("sent to [8]bob at " + TIME);
            assertEquals("2: after the reconnect", received.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            alice.endInput();
            alice.expect("bye");
            assertEquals(4, alice.exit(), "the friends command failed with the connection");
        }
    }

    private boolean letSecondLoginThrough() {
        try {
            return secondLogin.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void aScriptWhoseQueuedChatsWereNeverSentFails() throws Exception {
        try (FakeServer server = new FakeServer((connection, request, reply) -> {
            switch (request) {
                case Login login when connection == 1 -> reply.send(new LoginAck(login.seq(), 0, null, 7, "alice",
                        List.of(new Friend(8, "bob", "online")), null, null, "token", null));
                case Login login -> reply.send(new LoginAck(login.seq(), 1, "token expired", null, null, null, null,
                        null, null, null));
                case OneChat chat -> reply.hangUp();
                case Message.Logout logout -> reply.send(new LogoutAck(logout.seq()));
                default -> reply.send(new Message.Error(request.seq(), request.type().id(), 3, "not scripted"));
            }
        })) {
            ScriptedClient alice = new ScriptedClient("alice", server.port(), "--keep-going");
            alice.send("login 7 secret");
            alice.expect("logged in as alice (id 7)");
            alice.send("chat 8 this one takes the connection down");
            alice.expectOnStderr("* lost the connection");
            alice.send("chat 8 never sent");
            alice.expect("queued for [8]bob");
            alice.expectOnStderr("error: could not log back in: token expired");
            alice.expectOnStderr("error: not sent (could not log back in): [8]bob: never sent");
            alice.endInput();
            alice.expect("bye");
            assertEquals(4, alice.exit());
        }
    }
}
