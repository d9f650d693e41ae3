package chat.server.storage;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/** Where the database is and how many pooled connections to keep; {@link #toString()} never shows a password. */
public record DatabaseSettings(String url, String user, String password, int poolSize) {
    /**
     * The embedded database's pool unless {@code --db-pool-size} says otherwise: enough for short statements from
     * many virtual threads on a small machine; more would only queue in the DB.
     */
    public static final int DEFAULT_POOL_SIZE = 8;

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
     * The embedded H2 database kept in {@code dataDir}. MySQL mode with lower-cased identifiers lets the DAOs'
     * MySQL SQL, backquoted {@code `user`} included, run unchanged. The server closes the pool itself as the last
     * step of its ordered stop, so H2 must not close the database earlier from its own shutdown hook.
     */
    public static DatabaseSettings embedded(Path dataDir, int poolSize) {
        Path file = dataDir.toAbsolutePath().resolve("chat");
        return new DatabaseSettings("jdbc:h2:file:" + file + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE",
                "sa", "", poolSize);
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
