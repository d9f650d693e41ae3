package chat.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import chat.server.ops.Metrics;
import chat.server.storage.BatchingChatStore.Settings;
import chat.server.testkit.Backend;
import chat.server.testkit.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
@Timeout(30)
class BatchingChatStoreTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();
    private static final LocalDateTime NOON = LocalDateTime.of(2024, 2, 29, 12, 0, 0);
    private static final MessageIds IDS = new MessageIds(Clock.systemUTC(), () -> 0, 0);
    private static final Duration MAX_WAIT = Duration.ofSeconds(2);

    @Parameter
    Backend backend;

    private Database db;
    private BatchingChatStore chats;
    private ChatMessageDao history;
    private UserRef ann;
    private UserRef ben;

    @BeforeEach
    void attach() {
        db = DATABASES.get(backend).database();
        chats = BatchingChatStore.start(db.jdbi(), IDS,
                new Settings(2, 100, Duration.ZERO, MAX_WAIT, backend == Backend.SQLITE), Metrics.off());
        history = db.dao(ChatMessageDao.class);
        ann = Fixtures.newUser(db, "ann");
        ben = Fixtures.newUser(db, "ben");
    }

    @AfterEach
    void close() {
        chats.close();
    }

    @Test
    void concurrentInsertsEachGetTheIdOfTheirOwnStoredMessage() throws Exception {
        int senders = 50;
        int perSender = 40;
        List<Future<List<Long>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < senders; s++) {
                int sender = s;
                results.add(pool.submit(() -> {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < perSender; i++) {
                        StoredChat stored = chats.store(new NewChat(ann.id(), ben.id(), null, sender + ":" + i, NOON));
                        stored.committed().get(10, TimeUnit.SECONDS);
                        ids.add(stored.id());
                    }
                    return ids;
                }));
            }
        }
        Set<Long> all = new HashSet<>();
        for (int s = 0; s < senders; s++) {
            List<Long> ids = results.get(s).get();
            all.addAll(ids);
            for (int i = 0; i < perSender; i++) {
                List<ChatRow> row = history.conversation(ann.id(), ben.id(), ids.get(i) + 1, 1);
                assertEquals(s + ":" + i, row.getFirst().body());
            }
        }
        assertEquals(senders * perSender, all.size());
    }

    @Test
    void aFailedInsertFailsItsCallerAndTheWritersCarryOn() throws Exception {
        StoredChat toNobody = chats.store(new NewChat(ann.id(), Integer.MAX_VALUE, null, "to nobody", NOON));
        assertThrows(ExecutionException.class, () -> toNobody.committed().get(10, TimeUnit.SECONDS));
        StoredChat stored = chats.store(new NewChat(ann.id(), ben.id(), null, "still works", NOON));
        stored.committed().get(10, TimeUnit.SECONDS);
        assertEquals("still works", history.conversation(ann.id(), ben.id(), stored.id() + 1, 1).getFirst().body());
    }

    @Test
    void aWriterWhoseConnectionTheDatabaseClosedOpensAnotherInsteadOfFailingChats() throws Exception {
        assumeTrue(backend == Backend.MARIADB, "only a server database closes idle connections");
        try (BatchingChatStore oneWriter = BatchingChatStore.start(db.jdbi(), IDS,
                new Settings(1, 100, Duration.ZERO, MAX_WAIT, backend == Backend.SQLITE), Metrics.off())) {
            oneWriter.store(new NewChat(ann.id(), ben.id(), null, "first", NOON)).committed().get(10, TimeUnit.SECONDS);
            // What wait_timeout or a restart does: every connection to this test's database is gone.
            db.jdbi().useHandle(h -> h.createQuery("SELECT ID FROM information_schema.PROCESSLIST "
                            + "WHERE DB = DATABASE() AND ID <> CONNECTION_ID()")
                    .mapTo(Long.class).list().forEach(id -> h.execute("KILL " + id)));
            Thread.sleep(600);

            StoredChat after = oneWriter.store(new NewChat(ann.id(), ben.id(), null, "after the kill", NOON));
            after.committed().get(10, TimeUnit.SECONDS);

            assertEquals("after the kill",
                    history.conversation(ann.id(), ben.id(), after.id() + 1, 1).getFirst().body());
        }
    }

    @Test
    void closingCommitsWhatWasAlreadyHandedAnId() throws Exception {
        List<StoredChat> stored = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            stored.add(chats.store(new NewChat(ben.id(), ann.id(), null, "last words " + i, NOON)));
        }

        chats.close();

        for (StoredChat chat : stored) {
            assertTrue(chat.committed().isDone() && !chat.committed().isCompletedExceptionally());
        }
        assertEquals(20, history.conversation(ann.id(), ben.id(), Long.MAX_VALUE, 50).size());
        assertThrows(IllegalStateException.class, () -> chats.store(new NewChat(ann.id(), ben.id(), null, "x", NOON)));
    }

    @Test
    void theIdComesAtOnceAndGrowsWithEveryChat() {
        StoredChat first = chats.store(new NewChat(ann.id(), ben.id(), null, "1", NOON));
        StoredChat second = chats.store(new NewChat(ann.id(), ben.id(), null, "2", NOON));

        assertTrue(second.id() > first.id());
    }

    @Test
    void aRowTheDatabaseRefusesFailsAloneAndEveryOtherChatOfItsBatchIsStored() throws Exception {
        // One writer, so the chats queued together go in one batch.
        try (BatchingChatStore oneWriter = BatchingChatStore.start(db.jdbi(), IDS,
                new Settings(1, 100, Duration.ZERO, MAX_WAIT, backend == Backend.SQLITE), Metrics.off())) {
            List<StoredChat> good = new ArrayList<>();
            StoredChat bad = null;
            for (int i = 0; i < 30; i++) {
                if (i == 15) {
                    bad = oneWriter.store(new NewChat(ann.id(), Integer.MAX_VALUE, null, "to nobody", NOON));
                }
                good.add(oneWriter.store(new NewChat(ann.id(), ben.id(), null, "ok " + i, NOON)));
            }
            StoredChat refused = bad;
            assertThrows(ExecutionException.class, () -> refused.committed().get(10, TimeUnit.SECONDS));
            for (StoredChat chat : good) {
                chat.committed().get(10, TimeUnit.SECONDS);
                assertEquals(chat.id(), history.conversation(ann.id(), ben.id(), chat.id() + 1, 1).getFirst().id());
            }
        }
    }

    @Test
    void aChatTheDatabaseDoesNotTakeInTimeFailsInsteadOfWaiting() throws Exception {
        try (BatchingChatStore impatient = BatchingChatStore.start(db.jdbi(), IDS,
                new Settings(1, 100, Duration.ZERO, Duration.ZERO, backend == Backend.SQLITE), Metrics.off())) {
            // A chat queued behind a slow batch has waited longer than zero when its turn comes.
            List<StoredChat> stored = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                stored.add(impatient.store(new NewChat(ann.id(), ben.id(), null, "quick " + i, NOON)));
            }
            long failed = 0;
            for (StoredChat chat : stored) {
                try {
                    chat.committed().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    assertTrue(e.getCause().getMessage().contains("did not take the chat"), e.getCause().toString());
                    failed++;
                }
            }
            assertTrue(failed > 0, "some chats waited and failed");
        }
    }
}
