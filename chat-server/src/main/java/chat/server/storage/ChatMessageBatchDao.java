package chat.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import org.jdbi.v3.sqlobject.SqlObject;

/**
 * Inserts many chat messages in one statement (Connector/J rewrites the batch into one multi-row INSERT). Each
 * chat brings its id (see {@link MessageIds}), so no generated keys come back. Written against JDBC rather than
 * with {@code @SqlBatch}, whose per-row argument lookup cost more server CPU than the insert itself. The time goes
 * as a Timestamp, which every driver stores as a time (sqlite-jdbc stores a LocalDateTime as text).
 */
public interface ChatMessageBatchDao extends SqlObject {
    String INSERT = "INSERT INTO chatmessage (id, sender_id, recipient_id, group_id, body, sent_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)";

    /** Inserts {@code chats} in the handle's current transaction. */
    default void insertAll(List<IdentifiedChat> chats) throws SQLException {
        Connection connection = getHandle().getConnection();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (IdentifiedChat chat : chats) {
                insert.setLong(1, chat.id());
                insert.setInt(2, chat.chat().senderId());
                setNullableInt(insert, 3, chat.chat().recipientId());
                setNullableInt(insert, 4, chat.chat().groupId());
                insert.setString(5, chat.chat().body());
                insert.setTimestamp(6, Timestamp.valueOf(chat.chat().sentAt()));
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
