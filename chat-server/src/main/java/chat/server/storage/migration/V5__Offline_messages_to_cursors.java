package chat.server.storage.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves what waited in {@code offlinemessage} to delivery cursors (see V4): a user with waiting chats gets a
 * cursor just before the first of them, so they all come at the next login as they would have, and the table
 * goes, since nothing writes it any more. Written in Java because the position is the {@code mid} inside each
 * stored JSON text, which SQL cannot read the same way on MariaDB and H2. Every stored chat carries a mid:
 * chats have been stored with one since the table existed.
 */
public final class V5__Offline_messages_to_cursors extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Map<Integer, Long> firstWaiting = firstWaitingChats(connection);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE delivery_cursor SET mid = ? WHERE userid = ?")) {
            for (Map.Entry<Integer, Long> user : firstWaiting.entrySet()) {
                update.setLong(1, user.getValue() - 1);
                update.setInt(2, user.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement drop = connection.createStatement()) {
            drop.execute("DROP TABLE offlinemessage");
        }
    }

    private static Map<Integer, Long> firstWaitingChats(Connection connection) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<Integer, Long> first = new HashMap<>();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT userid, message FROM offlinemessage")) {
            while (rows.next()) {
                JsonNode mid = json.readTree(rows.getString(2)).get("mid");
                if (mid != null && mid.canConvertToLong()) {
                    first.merge(rows.getInt(1), mid.longValue(), Math::min);
                }
            }
        }
        return first;
    }
}
