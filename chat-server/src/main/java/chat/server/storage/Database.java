package chat.server.storage;

import chat.server.ops.Metrics;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The connection pool, migrated to the current schema, and the Jdbi that hands out DAOs. Opening fails at once,
 * with the settings (never the password) in the message, when the database cannot be reached or migrated.
 *
 * <p>When the database is away, a request that needs it fails within {@link #WAIT} (a pooled connection, a new
 * one, an answer), so its client hears so instead of waiting; what needs no database goes on, and the pool
 * reconnects by itself when the database is back.
 */
public final class Database implements AutoCloseable {
    /** SQL migrations from migrations/, and the few that must be Java (see storage.migration). */
    private static final String[] MIGRATIONS = {"classpath:db/migration", "classpath:chat/server/storage/migration"};
    /** The embedded SQLite store's migrations (migrations/sqlite/), which begin at version 6. */
    private static final String[] SQLITE_MIGRATIONS = {"classpath:db/sqlite"};
    /**
     * The longest a request waits on the database: for a pooled connection (HikariCP's connectionTimeout), and on
     * MySQL/MariaDB for a new connection (connectTimeout) and for each answer (socketTimeout), unless the URL sets
     * those itself. A request is a few indexed statements of a millisecond or so, and the pool serves thousands.
     */
    static final Duration WAIT = Duration.ofSeconds(2);

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    /** Held while open when the database is an embedded file; null otherwise. */
    private final DataFileLock fileLock;

    private Database(HikariDataSource pool, Jdbi jdbi, DataFileLock fileLock) {
        this.pool = pool;
        this.jdbi = jdbi;
        this.fileLock = fileLock;
    }

    /** Connects, applies pending migrations and returns the database; throws {@link IllegalStateException} if it can't. */
    public static Database open(DatabaseSettings settings) {
        Path sqliteFile = settings.sqliteFile();
        DataFileLock fileLock;
        try {
            fileLock = sqliteFile == null ? null : DataFileLock.acquire(sqliteFile);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot connect to " + settings + ": " + e.getMessage(), e);
        }
        try {
            HikariDataSource pool = connect(settings, false);
            // Migrations get a pool of their own without the answer timeout: one may run longer than any request.
            try (HikariDataSource migrating = connect(settings, true)) {
                Flyway.configure().dataSource(migrating)
                        .locations(settings.isSqlite() ? SQLITE_MIGRATIONS : MIGRATIONS)
                        .load().migrate();
            } catch (RuntimeException e) {
                pool.close();
                throw new IllegalStateException("Cannot migrate " + settings + ": " + e.getMessage(), e);
            }
            return new Database(pool, createJdbi(pool, settings.isSqlite()), fileLock);
        } catch (RuntimeException e) {
            if (fileLock != null) {
                fileLock.close();
            }
            throw e;
        }
    }


    private static HikariDataSource connect(DatabaseSettings settings, boolean forMigrations) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(forMigrations ? "chat-db-migrations" : "chat-db");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(forMigrations ? 2 : settings.poolSize());
        if (!forMigrations) {
            config.setConnectionTimeout(WAIT.toMillis());
            config.setValidationTimeout(WAIT.toMillis() / 2);
        }
        String url = settings.url().toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:mysql:")) {
            addConnectorJDefaults(config, url, forMigrations);
        } else if (settings.isSqlite()) {
            addSqliteDefaults(config, url);
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot connect to " + settings + ": " + rootMessage(e), e);
        }
    }

    /** Connector/J properties the URL ({@code url}, lower-cased) does not set itself. */
    private static void addConnectorJDefaults(HikariConfig config, String url, boolean forMigrations) {
        setUnlessInUrl(config, url, "connectTimeout", Long.toString(WAIT.toMillis()));
        if (!forMigrations) {
            // A database that hangs (rather than one that is down) would otherwise hold a request for ever.
            setUnlessInUrl(config, url, "socketTimeout", Long.toString(WAIT.toMillis()));
        }
        // Connector/J would otherwise follow the server's default charset, which may be latin1 or 3-byte utf8.
        setUnlessInUrl(config, url, "characterEncoding", "UTF-8");
        // Turns a batch of chat inserts into one multi-row INSERT instead of a round trip per row.
        setUnlessInUrl(config, url, "rewriteBatchedStatements", "true");
        // Saves Connector/J re-parsing the same few statements on every call.
        setUnlessInUrl(config, url, "cachePrepStmts", "true");
    }

    /** sqlite-jdbc pragmas (given as connection properties) the URL ({@code url}, lower-cased) does not set. */
    private static void addSqliteDefaults(HikariConfig config, String url) {
        // Readers do not block the writer nor it them, and a commit appends to the log without an fsync
        // (a power cut may lose the last commits, never the file); the log is folded back in as it grows.
        setUnlessInUrl(config, url, "journal_mode", "WAL");
        setUnlessInUrl(config, url, "synchronous", "NORMAL");
        // SQLite checks REFERENCES only when asked to, per connection.
        setUnlessInUrl(config, url, "foreign_keys", "true");
        // One writer at a time: a transaction takes the write lock when it begins, and waits for it up to WAIT,
        // instead of failing at its first write when another writer committed since it began reading.
        setUnlessInUrl(config, url, "transaction_mode", "IMMEDIATE");
        setUnlessInUrl(config, url, "busy_timeout", Long.toString(WAIT.toMillis()));
    }

    private static void setUnlessInUrl(HikariConfig config, String url, String property, String value) {
        if (!url.contains(property.toLowerCase(Locale.ROOT) + "=")) {
            config.addDataSourceProperty(property, value);
        }
    }

    private static Jdbi createJdbi(HikariDataSource pool, boolean sqlite) {
        Jdbi jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
        for (Class<?> row : new Class<?>[] {UserRow.class, UserRef.class, GroupRow.class, MemberRow.class,
                ChatRow.class}) {
            jdbi.registerRowMapper(ConstructorMapper.factory(row));
        }
        if (sqlite) {
            // Jdbi passes a LocalDateTime to setObject, which sqlite-jdbc stores as ISO text that it cannot read
            // back as a time and that compares wrongly once seconds are left out; a Timestamp it stores as
            // milliseconds (see migrations/sqlite), which compare as times do.
            jdbi.registerArgument(new AbstractArgumentFactory<LocalDateTime>(Types.TIMESTAMP) {
                @Override
                protected Argument build(LocalDateTime value, ConfigRegistry config) {
                    return (position, statement, context) -> statement.setTimestamp(position, Timestamp.valueOf(value));
                }
            });
            jdbi.registerColumnMapper(LocalDateTime.class, (rows, column, context) -> {
                Timestamp time = rows.getTimestamp(column);
                return time == null ? null : time.toLocalDateTime();
            });
        }
        return jdbi;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** A DAO that borrows a pooled connection per call, so it is safe to share between threads. */
    public <T> T dao(Class<T> type) {
        return jdbi.onDemand(type);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Reports the pool's connections and waits to {@code metrics}. */
    public void reportTo(Metrics metrics) {
        metrics.watchPool(pool);
    }

    /**
     * Null while a pooled connection answers a check (JDBC {@code isValid}: a ping on MySQL/MariaDB) within
     * {@link #WAIT}, else why not: what a readiness probe asks.
     */
    public String problem() {
        try (Connection connection = pool.getConnection()) {
            if (connection.isValid((int) WAIT.toSeconds())) {
                return null;
            }
            // A connection the database dropped (it restarted) goes back to the pool, which lends it again
            // without a check to a probe that comes within half a second: drop it, so the next probe gets a new one.
            pool.evictConnection(connection);
            return "the database does not answer";
        } catch (SQLException e) {
            return "the database cannot be reached: " + rootMessage(e);
        }
    }

    @Override
    public void close() {
        pool.close();
        if (fileLock != null) {
            fileLock.close();
        }
    }
}
