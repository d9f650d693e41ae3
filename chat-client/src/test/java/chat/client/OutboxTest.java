package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.Command.Chat;
import chat.client.Command.GroupChat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private final Outbox outbox = new Outbox();

    @Test
    void chatsWaitOnlyFromALossUntilTheQueueIsEmptiedInOrder() {
        assertFalse(outbox.queue(new Chat(8, "before")), "connected: sent at once");
        outbox.hold();
        assertTrue(outbox.queue(new Chat(8, "one")));
        assertTrue(outbox.queue(new GroupChat(3, "two")));
        long round = outbox.round();
        assertEquals(Optional.of(new Chat(8, "one")), outbox.next(round));
        assertTrue(outbox.queue(new Chat(8, "three")), "typed while the queue is sent: behind it, not before");
        assertEquals(Optional.of(new GroupChat(3, "two")), outbox.next(round));
        assertEquals(Optional.of(new Chat(8, "three")), outbox.next(round));
        assertEquals(Optional.empty(), outbox.next(round));
        assertFalse(outbox.queue(new Chat(8, "after")));
    }

    @Test
    void aLossWhileSendingStopsTheRoundAndKeepsTheRestForTheNext() {
        outbox.hold();
        outbox.queue(new Chat(8, "one"));
        outbox.queue(new Chat(8, "two"));
        long round = outbox.round();
        assertEquals(Optional.of(new Chat(8, "one")), outbox.next(round));
        outbox.hold();
        assertEquals(Optional.empty(), outbox.next(round));
        assertTrue(outbox.queue(new Chat(8, "three")), "still holding");
        assertEquals(Optional.of(new Chat(8, "two")), outbox.next(outbox.round()));
    }

    @Test
    void droppedAndFailedChatsAreCountedAsGivenUp() {
        outbox.hold();
        outbox.queue(new Chat(8, "one"));
        outbox.queue(new Chat(9, "two"));
        assertEquals(List.of(new Chat(8, "one"), new Chat(9, "two")), outbox.drop());
        outbox.failed();
        assertEquals(3, outbox.givenUp());
        assertFalse(outbox.queue(new Chat(8, "x")), "dropping stops holding");
    }
}
