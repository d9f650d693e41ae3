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
    void embeddedIsAnH2FileInMySqlModeUnderTheDataDirectoryWithThePoolSizeGiven() {
        DatabaseSettings settings = DatabaseSettings.embedded(Path.of("/var/lib/chat"), 3);

        assertTrue(settings.url().startsWith("jdbc:h2:file:/var/lib/chat/chat;MODE=MySQL;"), settings.url());
        assertEquals(3, settings.poolSize());
    }

    @Test
    void relativeDataDirectoryBecomesAbsolute() {
        String url = DatabaseSettings.embedded(Path.of("data"), DatabaseSettings.DEFAULT_POOL_SIZE).url();

        assertTrue(url.startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath()), url);
    }

    @Test
    void embeddedDatabaseCreatesItsDataDirectory(@TempDir Path tmp) {
        Path dataDir = tmp.resolve("not/yet/there");

        try (Database db = Database.open(DatabaseSettings.embedded(dataDir, DatabaseSettings.DEFAULT_POOL_SIZE))) {
            assertEquals(Optional.empty(), db.dao(UserDao.class).findById(1));
        }
        assertTrue(Files.exists(dataDir.resolve("chat.mv.db")));
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
