package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
