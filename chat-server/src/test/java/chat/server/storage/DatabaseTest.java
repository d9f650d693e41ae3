package chat.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.testkit.Backend;
import chat.server.testkit.TestDatabase;
import chat.server.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
@Timeout(20)
class DatabaseTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Parameter
    Backend backend;

    @Test
    void reopeningAMigratedDatabaseKeepsItsData() {
        try (TestDatabase test = TestDatabase.create(backend)) {
            String name = Fixtures.unique("kept");
            int id;
            // Closed before it is opened again: the embedded store takes one opener at a time.
            try (Database first = Database.open(test.settings())) {
                id = first.dao(UserDao.class).insert(name, "h");
            }

            try (Database again = Database.open(test.settings())) {
                assertEquals(name, again.dao(UserDao.class).findById(id).orElseThrow().name());
            }
        }
    }

    @Test
    void seedStateColumnDefaultsToOffline() {
        Database db = DATABASES.get(backend).database();
        int id = Fixtures.newUser(db, "fresh").id();

        String state = db.jdbi().withHandle(h -> h.createQuery("SELECT state FROM `user` WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());

        assertEquals("offline", state);
    }

    @Test
    void unreachableDatabaseFailsAtOnceNamingItButNotThePassword() {
        DatabaseSettings nowhere = new DatabaseSettings(
                backend == Backend.H2 ? "jdbc:h2:tcp://127.0.0.1:1/chat" : "jdbc:mysql://127.0.0.1:1/chat",
                "root", "s3cret", 1);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Database.open(nowhere));

        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }
}
