package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConversationsTest {
    private final Conversations conversations = new Conversations();
    private final Conversation bob = Conversation.withUser(8);
    private final Conversation devs = Conversation.inGroup(8);

    @Test
    void chatsCountAsUnreadUntilTheirConversationIsOpenedOrItsHistoryRead() {
        conversations.arrived(bob);
        conversations.arrived(bob);
        conversations.arrived(devs);
        assertEquals(2, conversations.unread(bob));
        assertEquals(1, conversations.unread(devs), "a friend and a group with the same id are apart");
        conversations.open(bob);
        assertEquals(0, conversations.unread(bob));
        conversations.arrived(bob);
        assertEquals(0, conversations.unread(bob), "nothing is unread in the open conversation");
        conversations.read(devs);
        assertEquals(0, conversations.unread(devs));
    }

    @Test
    void closingSaysWhatWasOpenAndLogoutForgetsEverything() {
        conversations.open(devs);
        assertEquals(Optional.of(devs), conversations.close());
        assertEquals(Optional.empty(), conversations.close());
        conversations.open(bob);
        conversations.arrived(devs);
        conversations.forget();
        assertEquals(Optional.empty(), conversations.current());
        assertEquals(0, conversations.unread(devs));
    }

    @Test
    void aGroupLeftIsClosedIfOpenAndItsCountForgotten() {
        conversations.arrived(devs);
        conversations.open(Conversation.inGroup(8));
        assertTrue(conversations.drop(devs), "an equal conversation, though another instance");
        assertEquals(Optional.empty(), conversations.current());
        conversations.open(bob);
        conversations.arrived(devs);
        assertFalse(conversations.drop(devs));
        assertEquals(Optional.of(bob), conversations.current(), "another conversation stays open");
        assertEquals(0, conversations.unread(devs));
    }
}
