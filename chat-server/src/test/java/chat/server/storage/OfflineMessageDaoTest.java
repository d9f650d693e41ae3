package chat.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.core.Limits;
import chat.server.testkit.Backend;
import chat.server.testkit.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
@Timeout(10)
class OfflineMessageDaoTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Parameter
    Backend backend;

    private Database db;
    private OfflineMessageDao offline;

    @BeforeEach
    void attach() {
        db = DATABASES.get(backend).database();
        offline = db.dao(OfflineMessageDao.class);
    }

    @Test
    void messagesComeBackForTheirUserInStoredOrder() {
        UserRef ann = Fixtures.newUser(db, "ann");
        UserRef ben = Fixtures.newUser(db, "ben");
        offline.insert(ann.id(), "{\"msg\":\"one\"}");
        offline.insert(ben.id(), "{\"msg\":\"for ben\"}");
        offline.insert(ann.id(), "{\"msg\":\"two\"}");

        List<String> messages = offline.forUser(ann.id()).stream().map(OfflineRow::message).toList();

        assertEquals(List.of("{\"msg\":\"one\"}", "{\"msg\":\"two\"}"), messages);
        assertEquals(ann.id(), offline.forUser(ann.id()).getFirst().userid());
    }

    @Test
    void deletingUpToTheLastReadKeepsMessagesStoredAfterTheRead() {
        UserRef ann = Fixtures.newUser(db, "ann");
        UserRef ben = Fixtures.newUser(db, "ben");
        offline.insert(ann.id(), "one");
        offline.insert(ann.id(), "two");
        offline.insert(ben.id(), "for ben");
        List<OfflineRow> read = offline.forUser(ann.id());
        offline.insert(ann.id(), "arrived meanwhile");

        assertEquals(2, offline.deleteUpTo(ann.id(), read.getLast().id()));

        assertEquals(List.of("arrived meanwhile"), offline.forUser(ann.id()).stream().map(OfflineRow::message).toList());
        assertEquals(1, offline.forUser(ben.id()).size());
    }

    @Test
    void awkwardAndLargestMessagesRoundTripExactly() {
        UserRef ann = Fixtures.newUser(db, "ann");
        // A whole frame: the column must hold more than TEXT's 65,535 bytes.
        String largest = "嗨".repeat(Limits.MAX_FRAME_BYTES / 3) + "😀";
        offline.insert(ann.id(), Fixtures.AWKWARD);
        offline.insert(ann.id(), largest);

        assertEquals(List.of(Fixtures.AWKWARD, largest),
                offline.forUser(ann.id()).stream().map(OfflineRow::message).toList());
    }
}
