package chat.server.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Where the database is and how many pooled connections to keep; {@link #toString()} never shows a password. */
public record DatabaseSettings(String url, String user, String password, int poolSize) {
    /**
     * The embedded database's pool unless {@code --db-pool-size} says otherwise: enough for short statements from
     * many virtual threads on a small machine; more would only queue in the DB.
     */
    public static final int DEFAULT_POOL_SIZE = 8;

    /** The embedded store's file in the data directory. */
    public static final String SQLITE_FILE = "chat.db";
    /** The file of the H2 store that was the embedded default before SQLite. */
    static final String H2_FILE = "chat.mv.db";

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
    }

    /**
     * The embedded database kept in {@code dataDir}: SQLite in {@code chat.db}, or, when the directory already
     * holds the H2 store that came before it ({@code chat.mv.db}) and no SQLite one, that H2 store, so an
     * upgrade keeps its users and history. H2 runs in MySQL mode with lower-cased identifiers, so the MySQL
     * migrations and the DAOs' SQL run on it unchanged, and must not close itself from its own shutdown hook:
     * the server closes the pool as the last step of its ordered stop.
     */
    public static DatabaseSettings embedded(Path dataDir, int poolSize) {
        Path dir = dataDir.toAbsolutePath();
        if (Files.exists(dir.resolve(H2_FILE)) && !Files.exists(dir.resolve(SQLITE_FILE))) {
            return h2(dir, poolSize);
        }
        return new DatabaseSettings("jdbc:sqlite:" + dir.resolve(SQLITE_FILE), "", "", poolSize);
    }

    /** The H2 store in {@code dataDir}, as {@link #embedded} opens one that is there already. */
    public static DatabaseSettings h2(Path dataDir, int poolSize) {
        return new DatabaseSettings("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("chat")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE", "sa", "", poolSize);
    }

    /** True for SQLite (the embedded default), whose one write lock its writers take turns at. */
    public boolean isSqlite() {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlite:");
    }

    /** The file a SQLite URL names, or null for another database or SQLite in memory. */
    public Path sqliteFile() {
        if (!isSqlite()) {
            return null;
        }
        String name = url.substring("jdbc:sqlite:".length());
        int query = name.indexOf('?');
        name = query < 0 ? name : name.substring(0, query);
        name = name.startsWith("file:") ? name.substring("file:".length()) : name;
        return name.isEmpty() || name.startsWith(":memory:") ? null : Path.of(name).toAbsolutePath();
    }

    /** The URL with any password in it masked, for logs. */
    public String shownUrl() {
        return PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + shownUrl() + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
