package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.Member;
import chat.core.Message;
import chat.core.Message.ContactsAck;
import chat.core.Message.ContactsRequest;
import chat.core.Message.GroupChat;
import chat.core.Message.GroupChatAck;
import chat.core.Message.Login;
import chat.core.Message.LoginAck;
import chat.core.Message.LogoutAck;
import chat.core.Message.OneChat;
import chat.core.Message.OneChatAck;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A current conversation against a scripted server where alice (7) has a friend bob (3), a friend 张三 (4) and a
 * group devs that also has id 3.
 */
class ConversationTest {
    private static final List<Friend> FRIENDS = List.of(new Friend(3, "bob", "online"), new Friend(4, "张三", "online"));
    private static final List<Group> GROUPS = List.of(new Group(3, "devs", "", List.of(
            new Member(7, "alice", "online", "creator"), new Member(3, "bob", "online", "normal"))));
    private static final String TIME = "2024-05-01 10:00:00";

    private final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
    private final AtomicLong mids = new AtomicLong(1000);

    @Test
    void plainLinesGoToTheOpenConversationAndChatsElsewhereCountAsUnread() throws Exception {
        try (FakeServer server = new FakeServer((connection, request, reply) -> {
            switch (request) {
                case Login login -> reply.send(new LoginAck(login.seq(), 0, null, 7, "alice", FRIENDS, GROUPS, null,
                        "token", null));
                case OneChat chat -> {
                    sent.add("to user " + chat.toid() + ": " + chat.msg());
                    reply.send(new OneChatAck(chat.seq(), 100, TIME));
                    // 张三 writes while alice talks to bob: shown, and unread in 张三's conversation.
                    reply.send(new OneChat(null, 4, "张三", 7, "在吗?", TIME, mids.incrementAndGet()));
                }
                case GroupChat chat -> {
                    sent.add("to group " + chat.groupid() + ": " + chat.msg());
                    reply.send(new GroupChatAck(chat.seq(), 102, TIME));
                }
                case ContactsRequest contacts -> reply.send(new ContactsAck(contacts.seq(), FRIENDS, GROUPS));
                case Message.Logout logout -> reply.send(new LogoutAck(logout.seq()));
                default -> reply.send(new Message.Error(request.seq(), request.type().id(), 3, "not scripted"));
            }
        })) {
            ScriptedClient alice = new ScriptedClient("alice", server.port(), "--keep-going");
            alice.send("login 7 secret");
            alice.expect("logged in as alice (id 7)");

            alice.send("open 3");
            alice.expectOnStderr("error: '3' could be with [3]bob or in group [3]devs; say which");
            alice.send("open bob");
            alice.expect("talking with [3]bob: plain lines are sent there");
            alice.send("hello, bob");
            alice.expect("sent to [3]bob at ");
            assertEquals("to user 3: hello, bob", next());
            alice.expect("[4]张三 said: 在吗?");
            alice.send("\\more coffee?");
            alice.expect("sent to [3]bob at ");
            assertEquals("to user 3: more coffee?", next());
            alice.expect("[4]张三 said: 在吗?");

            alice.send("friends");
            alice.expect("[4]张三  online  (2 unread)");
            alice.send("open group 3");
            alice.expect("talking in group [3]devs: ");
            alice.send("/history friend 4 1");
            alice.expectOnStderr("error: not scripted");
            alice.send("hi all");
            alice.expect("sent to group [3]devs at ");
            assertEquals("to group 3: hi all", next());
            alice.send("open 张三");
            alice.expect("talking with [4]张三: ");
            alice.send("close");
            alice.expect("left the conversation with [4]张三; plain lines are commands again");
            alice.send("hello?");
            alice.expectOnStderr("error: unknown command 'hello?'");

            alice.endInput();
            assertFalse(alice.transcript().contains("[3]bob   online  ("), "the open conversation had nothing unread");
            alice.expect("bye");
            assertEquals(4, alice.exit(), "the ambiguous open, the history and the stray line failed");
        }
    }

    private String next() throws InterruptedException {
        return sent.poll(5, TimeUnit.SECONDS);
    }
}
