package chat.server.cluster;

import chat.server.storage.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** A fresh {@code chat_cluster_<random>} database on the local MariaDB (root, no password), dropped on close. */
final class ClusterDatabase implements AutoCloseable {
    private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    private static final String OPTIONS = "?connectTimeout=5000&socketTimeout=30000";

    private final String name;

    private ClusterDatabase(String name) {
        this.name = name;
    }

    static ClusterDatabase create() {
        String name = "chat_cluster_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new ClusterDatabase(name);
    }

    String url() {
        return SERVER + name + OPTIONS;
    }

    DatabaseSettings settings() {
        return new DatabaseSettings(url(), "root", "", 4);
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name);
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + SERVER + " refused: " + sql, e);
        }
    }
}
