package chat.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import org.jdbi.v3.sqlobject.SqlObject;
import org.sqlite.SQLiteConnection;

/**
 * Inserts many chat messages in one statement (Connector/J rewrites the batch into one multi-row INSERT). Each
 * chat brings its id (see {@link MessageIds}), so no generated keys come back. Written against JDBC rather than
 * with {@code @SqlBatch}, whose per-row argument lookup cost more server CPU than the insert itself.
 */
public interface ChatMessageBatchDao extends SqlObject {
    String INSERT = "INSERT INTO chatmessage (id, sender_id, recipient_id, group_id, body, sent_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)";

    /** Inserts {@code chats} in the handle's current transaction. */
    default void insertAll(List<IdentifiedChat> chats) throws SQLException {
        Connection connection = getHandle().getConnection();
        // sqlite-jdbc stores a LocalDateTime as text it cannot read back as a time, so SQLite gets a Timestamp
        // (milliseconds, see migrations/sqlite); Connector/J formats a Timestamp through a new SimpleDateFormat
        // each time, ~4% of the server's CPU at 40,000 chats/s, where a LocalDateTime costs next to nothing.
        boolean timestamps = connection.isWrapperFor(SQLiteConnection.class);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (IdentifiedChat chat : chats) {
                insert.setLong(1, chat.id());
                insert.setInt(2, chat.chat().senderId());
                setNullableInt(insert, 3, chat.chat().recipientId());
                setNullableInt(insert, 4, chat.chat().groupId());
                insert.setString(5, chat.chat().body());
                if (timestamps) {
                    insert.setTimestamp(6, Timestamp.valueOf(chat.chat().sentAt()));
                } else {
                    insert.setObject(6, chat.chat().sentAt());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    /** A chat with the id it was given before it was stored. */
    record IdentifiedChat(long id, NewChat chat) {
    }
}
