package chat.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObject;

/**
 * Inserts many chat messages in one statement (Connector/J rewrites the batch into one multi-row INSERT).
 * Written against JDBC rather than with {@code @SqlBatch}, whose per-row argument lookup cost more server CPU
 * than the insert itself.
 */
public interface ChatMessageBatchDao extends SqlObject {
    String INSERT = "INSERT INTO chatmessage (sender_id, recipient_id, group_id, body, sent_at) VALUES (?, ?, ?, ?, ?)";

    /** Inserts {@code chats} in the handle's transaction and returns their ids in order. */
    default long[] insertAll(List<NewChat> chats) {
        Connection connection = getHandle().getConnection();
        try (PreparedStatement insert = connection.prepareStatement(INSERT, new String[] {"id"})) {
            for (NewChat chat : chats) {
                insert.setInt(1, chat.senderId());
                setNullableInt(insert, 2, chat.recipientId());
                setNullableInt(insert, 3, chat.groupId());
                insert.setString(4, chat.body());
                insert.setObject(5, chat.sentAt());
                insert.addBatch();
            }
            insert.executeBatch();
            return generatedIds(insert, chats.size());
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static long[] generatedIds(PreparedStatement insert, int count) throws SQLException {
        long[] ids = new long[count];
        int n = 0;
        try (ResultSet keys = insert.getGeneratedKeys()) {
            while (keys.next() && n < count) {
                ids[n++] = keys.getLong(1);
            }
        }
        if (n != count) {
            throw new SQLException("the database returned " + n + " generated ids for " + count + " rows");
        }
        return ids;
    }
}
