package chat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.ChatNode;
import chat.server.storage.DatabaseSettings;
import chat.server.testkit.RawClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two people in two headless Chromiums on one node: they register, befriend each other by name, chat both ways
 * and in a group, in Chinese and with emoji, and one reloads the page while the other keeps writing. Screenshots
 * of the main views (desktop and phone-sized) go to target/screenshots.
 */
@Timeout(90)
class TwoBrowsersTest {
    private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);

    @TempDir
    Path data;

    @Test
    void twoBrowserUsersBefriendChatInPersonAndInAGroupAndAReloadLosesNothing() throws Exception {
        try (ChatNode node = ChatNode.start(new ChatNode.Settings("127.0.0.1", 0,
                DatabaseSettings.embedded(data, DatabaseSettings.DEFAULT_POOL_SIZE), 1000, 1000, 1 << 20,
                Duration.ofSeconds(2))
                .withWeb(new ChatNode.Web("127.0.0.1", 0, List.of())))) {
            String url = "http://127.0.0.1:" + node.webPort() + "/";
            try (Browser alice = Browser.open("alice", url); Browser bob = Browser.open("bob", url)) {
                alice.screenshot("login.png");
                String aliceName = "alice" + RUN;
                String bobName = "小明" + RUN;
                int aliceId = alice.register(aliceName, "secret-a");
                int bobId = bob.register(bobName, "secret-b");

                alice.addFriend(bobName);
                assertTrue(alice.isOnline("friend", bobId), "bob is online in alice's list");
                bob.awaitOnline("friend", aliceId, true); // the friend-added event, without a reload

                alice.openConversation("friend", bobId);
                alice.send("你好, 小明 👋");
                bob.awaitUnread("friend", aliceId, 1);
                bob.openConversation("friend", aliceId);
                bob.awaitMessage("你好, 小明 👋");
                assertEquals(0, bob.unread("friend", aliceId), "an open conversation counts nothing unread");
                bob.send("hi alice! 🎉 要喝咖啡吗?");
                alice.awaitMessage("hi alice! 🎉 要喝咖啡吗?");
                alice.send("好的, see you at 3");
                bob.awaitMessage("好的, see you at 3");

                // someone who is not a friend writes 35 chats over TCP: alice pages back through them
                try (RawClient carol = new RawClient(node.port())) {
                    int carolId = carol.register("carol" + RUN);
                    carol.loginOk(carolId);
                    for (int i = 1; i <= 35; i++) {
                        carol.chat(aliceId, "page test " + i);
                    }
                    alice.awaitUnread("other", carolId, 35);
                    alice.openConversation("other", carolId);
                    assertEquals(30, alice.messages().size(), "the newest page first");
                    assertEquals("page test 35", alice.messages().get(29));
                    alice.scrollToTop();
                    alice.waitFor(d -> alice.messages().size() == 35);
                    assertEquals("page test 1", alice.messages().get(0));
                }

                int group = alice.createGroup("开发组 " + RUN);
                bob.joinGroup(group);
                alice.openConversation("group", group);
                alice.send("welcome to the group 🚀");
                bob.awaitMessage("welcome to the group 🚀");
                bob.send("谢谢! glad to be here");
                alice.awaitMessage("谢谢! glad to be here");
                alice.screenshot("group.png");

                // bob reloads in the middle of the conversation while alice keeps writing
                alice.openConversation("friend", bobId);
                bob.openConversation("friend", aliceId);
                bob.reload();
                alice.send("did you get this while reloading?");
                alice.send("and this one 🙂");
                bob.awaitLoggedIn();
                bob.awaitUnread("friend", aliceId, 2);
                bob.openConversation("friend", aliceId);
                List<String> expected = List.of("你好, 小明 👋", "hi alice! 🎉 要喝咖啡吗?", "好的, see you at 3",
                        "did you get this while reloading?", "and this one 🙂");
                bob.waitFor(d -> bob.messages().equals(expected));
                List<String> mids = bob.mids();
                assertEquals(mids.size(), new HashSet<>(mids).size(), "no chat shows twice: " + mids);
                assertEquals(0, bob.unread("friend", aliceId));

                alice.awaitOnline("friend", bobId, true); // back online after the reload
                bob.send("all five here, nothing twice ✅");
                alice.awaitMessage("all five here, nothing twice ✅");
                alice.screenshot("conversation.png");
                bob.resize(390, 760);
                bob.screenshot("phone-conversation.png");
                bob.back();
                bob.screenshot("phone-contacts.png");
            }
        }
    }
}
