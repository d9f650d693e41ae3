package chat.server.testkit;

import chat.server.storage.Database;
import chat.server.storage.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A fresh database of one backend that is thrown away on close: SQLite or H2 in a temporary directory, or a new
 * {@code chat_test_<random>} database on the local MariaDB (root, empty password). DAO tests use the migrated
 * {@link #database()}; cluster tests give {@link #settings()} to their nodes, which migrate it themselves.
 */
public final class TestDatabase implements AutoCloseable {
    private static final String MARIADB_SERVER = "jdbc:mysql://127.0.0.1:3306/";
    private static final int POOL = DatabaseSettings.DEFAULT_POOL_SIZE;
    private static final String BOUNDED_WAITS = "?connectTimeout=5000&socketTimeout=30000";

    private final DatabaseSettings settings;
    /** The MariaDB database's name; null for an embedded one. */
    private final String mariaDbName;
    private final Runnable dispose;
    private final ReentrantLock opening = new ReentrantLock();
    private Database database;

    private TestDatabase(DatabaseSettings settings, String mariaDbName, Runnable dispose) {
        this.settings = settings;
        this.mariaDbName = mariaDbName;
        this.dispose = dispose;
    }

    public static TestDatabase create(Backend backend) {
        return switch (backend) {
            case SQLITE -> createEmbedded("chat-sqlite-", dir -> DatabaseSettings.embedded(dir, POOL));
            case H2 -> createEmbedded("chat-h2-", dir -> DatabaseSettings.h2(dir, POOL));
            case MARIADB -> createMariaDb();
        };
    }

    private static TestDatabase createEmbedded(String prefix, Function<Path, DatabaseSettings> settings) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            return new TestDatabase(settings.apply(dir), null, () -> deleteTree(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestDatabase createMariaDb() {
        String name = "chat_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        // latin1, like the seed's server: the migrations must bring utf8mb4 with them, not inherit it.
        execute("CREATE DATABASE " + name + " CHARACTER SET latin1");
        DatabaseSettings settings = new DatabaseSettings(MARIADB_SERVER + name + BOUNDED_WAITS, "root", "",
                DatabaseSettings.DEFAULT_POOL_SIZE);
        return new TestDatabase(settings, name, () -> execute("DROP DATABASE IF EXISTS " + name));
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(MARIADB_SERVER + BOUNDED_WAITS, "root", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + MARIADB_SERVER + " refused: " + sql, e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Cuts every connection to this MariaDB database, whoever holds it, as wait_timeout or a database restart
     * would: an admin connection KILLs each one in information_schema.PROCESSLIST, and the shared server keeps
     * running. Returns how many it killed.
     */
    public int killConnections() {
        if (mariaDbName == null) {
            throw new IllegalStateException("only a MariaDB database has connections to kill");
        }
        try (Connection c = DriverManager.getConnection(MARIADB_SERVER + BOUNDED_WAITS, "root", "");
             PreparedStatement find = c.prepareStatement(
                     "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()");
             Statement kill = c.createStatement()) {
            find.setString(1, mariaDbName);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            int killed = 0;
            for (long id : ids) {
                try {
                    kill.execute("KILL " + id);
                    killed++;
                } catch (SQLException gone) {
                    // it ended by itself meanwhile
                }
            }
            return killed;
        } catch (SQLException e) {
            throw new IllegalStateException("could not cut the connections to " + mariaDbName, e);
        }
    }

    /** The database with the migrations applied, opened on first use and closed with this. */
    public Database database() {
        opening.lock();
        try {
            if (database == null) {
                database = Database.open(settings);
            }
            return database;
        } finally {
            opening.unlock();
        }
    }

    /** For opening the same database a second time, or for a node; a node in a JVM of its own takes the url. */
    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        opening.lock();
        try {
            if (database != null) {
                database.close();
            }
        } finally {
            opening.unlock();
            dispose.run();
        }
    }
}
