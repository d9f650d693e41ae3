package chat.client;

import static chat.client.SyncPages.NOW;
import static chat.client.SyncPages.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.core.ChatCursor;
import chat.core.Contacts.HistoryEntry;
import chat.core.Message;
import chat.core.Message.Sync;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Sync paging against a scripted server. */
class SyncerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final List<Long> asked = new CopyOnWriteArrayList<>();
    private final ChatCursor cursor = new ChatCursor(60 * SyncPages.SECOND);
    private final Backoff quick = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), new Random(1));

    @Test
    void pagesUntilNoMoreShowingEachChatOnceThoughPagesRepeatThem() throws Exception {
        cursor.firstSeen(NOW + 4);
        Syncer.Outcome outcome = syncAgainst(request -> {
            long after = Objects.requireNonNullElse(request.after(), 0L);
            if (after == 0) {
                return page(request.seq(), true, NOW + 1, NOW + 2, NOW + 3);
            }
            return after == NOW + 3 ? page(request.seq(), true, NOW + 2, NOW + 3, NOW + 4, NOW + 5)
                    : page(request.seq(), false, NOW + 6);
        }, null);
        assertEquals(Arrays.asList(null, NOW + 3, NOW + 5), asked);
        assertEquals(List.of(NOW + 1, NOW + 2, NOW + 3, NOW + 5, NOW + 6), mids(outcome), "NOW + 4 came live");
        assertTrue(outcome.readToEnd());
    }

    @Test
    void startsWhereItIsToldAndAsksForPagesOfTheGivenSize() throws Exception {
        List<Integer> limits = new CopyOnWriteArrayList<>();
        Syncer.Outcome outcome = syncAgainst(request -> {
            limits.add(request.limit());
            return page(request.seq(), false, NOW + 1);
        }, NOW);
        assertEquals(List.of(NOW), asked);
        assertEquals(List.of(3), limits);
        assertEquals(List.of(NOW + 1), mids(outcome));
    }

    @Test
    void aPageThatDoesNotMoveOnEndsTheSyncUnfinished() throws Exception {
        Syncer.Outcome outcome = syncAgainst(request -> page(request.seq(), true, NOW + 1, NOW + 2), null);
        assertEquals(Arrays.asList(null, NOW + 2), asked);
        assertEquals(List.of(NOW + 1, NOW + 2), mids(outcome));
        assertFalse(outcome.readToEnd());
    }

    @Test
    void aServerThatRefusesSyncGivesNothing() throws Exception {
        Syncer.Outcome outcome = syncAgainst(request -> new Message.Error(request.seq(), request.type().id(), 4,
                "msgid 24 is sent by the server, not to it"), null);
        assertEquals(List.of(), outcome.fresh());
        assertFalse(outcome.readToEnd());
    }

    private Syncer.Outcome syncAgainst(Function<Sync, Message> pages, Long after) throws Exception {
        try (FakeServer server = new FakeServer((n, request, reply) -> {
            if (request instanceof Sync sync) {
                asked.add(sync.after());
                reply.send(pages.apply(sync));
            }
        }); Link link = new Link(server::dial, quick)) {
            link.start(new SyncPages.Quiet());
            return new Syncer(link, WAIT, 3).run(cursor, after);
        }
    }

    private static List<Long> mids(Syncer.Outcome outcome) {
        return outcome.fresh().stream().map(HistoryEntry::mid).toList();
    }
}
