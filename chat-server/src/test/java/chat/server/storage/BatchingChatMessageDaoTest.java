package chat.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
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
class BatchingChatMessageDaoTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();
    private static final LocalDateTime NOON = LocalDateTime.of(2024, 2, 29, 12, 0, 0);

    @Parameter
    Backend backend;

    private Database db;
    private BatchingChatMessageDao chats;
    private UserRef ann;
    private UserRef ben;

    @BeforeEach
    void attach() {
        db = DATABASES.get(backend).database();
        chats = new BatchingChatMessageDao(db.dao(ChatMessageDao.class), 2, 100);
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
                        ids.add(chats.insert(ann.id(), ben.id(), null, sender + ":" + i, NOON));
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
                List<ChatRow> row = chats.conversation(ann.id(), ben.id(), ids.get(i) + 1, 1);
                assertEquals(s + ":" + i, row.getFirst().body());
            }
        }
        assertEquals(senders * perSender, all.size());
    }

    @Test
    void aFailedInsertFailsItsCallerAndTheWritersCarryOn() {
        assertThrows(UnableToExecuteStatementException.class,
                () -> chats.insert(ann.id(), Integer.MAX_VALUE, null, "to nobody", NOON));
        long id = chats.insert(ann.id(), ben.id(), null, "still works", NOON);
        assertEquals("still works", chats.conversation(ann.id(), ben.id(), id + 1, 1).getFirst().body());
    }
}
