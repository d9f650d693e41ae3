package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.Command.Chat;
import chat.client.Command.GroupChat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatQueueTest {
    private final ChatQueue queue = new ChatQueue();

    @Test
    void chatsWaitOnlyFromALossUntilTheQueueIsEmptiedInOrder() {
        assertFalse(queue.offer(new Chat(8, "before")), "connected: sent at once");
        queue.hold();
        assertTrue(queue.offer(new Chat(8, "one")));
        assertTrue(queue.offer(new GroupChat(3, "two")));
        long round = queue.round();
        assertEquals(Optional.of(new Chat(8, "one")), queue.next(round));
        assertTrue(queue.offer(new Chat(8, "three")), "typed while the queue is sent: behind it, not before");
        assertEquals(Optional.of(new GroupChat(3, "two")), queue.next(round));
        assertEquals(Optional.of(new Chat(8, "three")), queue.next(round));
        assertEquals(Optional.empty(), queue.next(round));
        assertFalse(queue.offer(new Chat(8, "after")));
    }

    @Test
    void aLossWhileSendingStopsTheRoundAndKeepsTheRestForTheNext() {
        queue.hold();
        queue.offer(new Chat(8, "one"));
        queue.offer(new Chat(8, "two"));
        long round = queue.round();
        assertEquals(Optional.of(new Chat(8, "one")), queue.next(round));
        queue.hold();
        assertEquals(Optional.empty(), queue.next(round));
        assertTrue(queue.offer(new Chat(8, "three")), "still holding");
        assertEquals(Optional.of(new Chat(8, "two")), queue.next(queue.round()));
    }

    @Test
    void droppedAndFailedChatsAreCountedAsGivenUp() {
        queue.hold();
        queue.offer(new Chat(8, "one"));
        queue.offer(new Chat(9, "two"));
        assertEquals(List.of(new Chat(8, "one"), new Chat(9, "two")), queue.drop());
        queue.failed();
        assertEquals(3, queue.givenUp());
        assertFalse(queue.offer(new Chat(8, "x")), "dropping stops holding");
    }
}
