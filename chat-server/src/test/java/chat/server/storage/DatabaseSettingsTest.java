package chat.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class DatabaseSettingsTest {

    @Test
    void embeddedIsASqliteFileUnderTheDataDirectoryWithThePoolSizeGiven() {
        DatabaseSettings settings = DatabaseSettings.embedded(Path.of("/var/lib/chat"), 3);

        assertEquals("jdbc:sqlite:/var/lib/chat/chat.db", settings.url());
        assertTrue(settings.isSqlite());
        assertEquals(3, settings.poolSize());
    }

    @Test
    void relativeDataDirectoryBecomesAbsolute() {
        String url = DatabaseSettings.embedded(Path.of("data"), DatabaseSettings.DEFAULT_POOL_SIZE).url();

        assertEquals("jdbc:sqlite:" + Path.of("data").toAbsolutePath().resolve("chat.db"), url);
    }

    @Test
    void embeddedDatabaseCreatesItsDataDirectory(@TempDir Path tmp) {
        Path dataDir = tmp.resolve("not/yet/there");

        try (Database db = Database.open(DatabaseSettings.embedded(dataDir, DatabaseSettings.DEFAULT_POOL_SIZE))) {
            assertEquals(Optional.empty(), db.dao(UserDao.class).findById(1));
        }
        assertTrue(Files.exists(dataDir.resolve("chat.db")));
    }

    @Test
    void aDataDirectoryHoldingTheOlderH2StoreGoesOnUsingIt(@TempDir Path tmp) {
        int id;
        try (Database h2 = Database.open(DatabaseSettings.h2(tmp, DatabaseSettings.DEFAULT_POOL_SIZE))) {
            id = h2.dao(UserDao.class).insert("from-before", "pbkdf2-sha256$1$c2FsdA$aGFzaA");
        }

        DatabaseSettings embedded = DatabaseSettings.embedded(tmp, DatabaseSettings.DEFAULT_POOL_SIZE);

        assertTrue(embedded.url().startsWith("jdbc:h2:file:" + tmp.toAbsolutePath().resolve("chat")), embedded.url());
        try (Database db = Database.open(embedded)) {
            assertEquals("from-before", db.dao(UserDao.class).findById(id).orElseThrow().name());
        }
        assertFalse(Files.exists(tmp.resolve("chat.db")));
    }

    @Test
    void theEmbeddedStoreLogsAheadChecksReferencesAndTakesPragmasFromTheUrl(@TempDir Path tmp) {
        try (Database db = Database.open(DatabaseSettings.embedded(tmp, DatabaseSettings.DEFAULT_POOL_SIZE))) {
            assertEquals("wal", pragma(db, "journal_mode"));
            assertEquals("1", pragma(db, "synchronous"), "NORMAL");
            assertEquals("1", pragma(db, "foreign_keys"));
        }
        DatabaseSettings full = new DatabaseSettings("jdbc:sqlite:" + tmp.resolve("full.db") + "?synchronous=FULL",
                "", "", DatabaseSettings.DEFAULT_POOL_SIZE);
        try (Database db = Database.open(full)) {
            assertEquals("2", pragma(db, "synchronous"), "FULL");
        }
    }

    private static String pragma(Database db, String name) {
        return db.jdbi().withHandle(h -> h.createQuery("PRAGMA " + name).mapTo(String.class).one());
    }

    @Test
    void aSecondOpeningOfTheEmbeddedStoreIsRefusedUntilTheFirstCloses(@TempDir Path tmp) {
        DatabaseSettings settings = DatabaseSettings.embedded(tmp, DatabaseSettings.DEFAULT_POOL_SIZE);
        try (Database first = Database.open(settings)) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Database.open(settings));

            assertTrue(ConnectionFailures.isLockedByAnotherProcess(refused), refused.toString());
        }
        try (Database again = Database.open(settings)) {
            assertEquals(Optional.empty(), again.dao(UserDao.class).findByName("nobody"));
        }
    }

    @Test
    void toStringShowsWhereButNeverThePassword() {
        String shown = new DatabaseSettings("jdbc:mysql://db:3306/chat?user=chat&password=hunter2&useSSL=true",
                "chat", "s3cret", 4).toString();

        assertTrue(shown.contains("jdbc:mysql://db:3306/chat"), shown);
        assertTrue(shown.contains("useSSL=true"), shown);
        assertFalse(shown.contains("s3cret"), shown);
        assertFalse(shown.contains("hunter2"), shown);
    }

    @Test
    void poolNeedsAConnection() {
        assertThrows(IllegalArgumentException.class, () -> new DatabaseSettings("jdbc:h2:mem:x", "sa", "", 0));
    }
}
