package chat.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The connection pool, migrated to the current schema, and the Jdbi that hands out DAOs. Opening fails at once,
 * with the settings (never the password) in the message, when the database cannot be reached or migrated.
 */
public final class Database implements AutoCloseable {
    /** SQL migrations from migrations/, and the few that must be Java (see storage.migration). */
    private static final String[] MIGRATIONS = {"classpath:db/migration", "classpath:chat/server/storage/migration"};

    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private Database(HikariDataSource pool, Jdbi jdbi) {
        this.pool = pool;
        this.jdbi = jdbi;
    }

    /** Connects, applies pending migrations and returns the database; throws {@link IllegalStateException} if it can't. */
    public static Database open(DatabaseSettings settings) {
        HikariDataSource pool = connect(settings);
        try {
            Flyway.configure().dataSource(pool).locations(MIGRATIONS).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new IllegalStateException("Cannot migrate " + settings + ": " + e.getMessage(), e);
        }
        return new Database(pool, createJdbi(pool));
    }

    private static HikariDataSource connect(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("chat-db");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        String url = settings.url().toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:mysql:") && !url.contains("characterencoding=")) {
            // Connector/J would otherwise follow the server's default charset, which may be latin1 or 3-byte utf8.
            config.addDataSourceProperty("characterEncoding", "UTF-8");
        }
        if (url.startsWith("jdbc:mysql:") && !url.contains("rewritebatchedstatements=")) {
            // Turns a batch of chat inserts into one multi-row INSERT instead of a round trip per row.
            config.addDataSourceProperty("rewriteBatchedStatements", "true");
        }
        if (url.startsWith("jdbc:mysql:") && !url.contains("cacheprepstmts=")) {
            // Saves Connector/J re-parsing the same few statements on every call.
            config.addDataSourceProperty("cachePrepStmts", "true");
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot connect to " + settings + ": " + rootMessage(e), e);
        }
    }

    private static Jdbi createJdbi(HikariDataSource pool) {
        Jdbi jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
        for (Class<?> row : new Class<?>[] {UserRow.class, UserRef.class, GroupRow.class, MemberRow.class,
                ChatRow.class}) {
            jdbi.registerRowMapper(ConstructorMapper.factory(row));
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

    @Override
    public void close() {
        pool.close();
    }
}
