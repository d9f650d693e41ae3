package chat.server.storage;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The history of every chat, paged back newest first; the server writes it in batches ({@link ChatMessageBatchDao}). */
public interface ChatMessageDao {

    // One index range per direction, each stopping after :limit rows. A single WHERE with OR made MariaDB read
    // and sort the whole conversation for every page (400 ms at 200k messages, against under 10 ms this way).
    // UNION rather than UNION ALL, so a user's notes to self do not come back twice.
    @SqlQuery("SELECT c.id, c.sender_id, u.name AS sender_name, c.recipient_id, c.group_id, c.body, c.sent_at "
            + "FROM ((SELECT id FROM chatmessage WHERE sender_id = :a AND recipient_id = :b AND id < :before "
            + "ORDER BY id DESC LIMIT :limit) "
            + "UNION (SELECT id FROM chatmessage WHERE sender_id = :b AND recipient_id = :a AND id < :before "
            + "ORDER BY id DESC LIMIT :limit)) page "
            + "JOIN chatmessage c ON c.id = page.id JOIN `user` u ON u.id = c.sender_id "
            + "ORDER BY c.id DESC LIMIT :limit")
    List<ChatRow> conversation(@Bind("a") int userId, @Bind("b") int otherId, @Bind("before") long beforeId,
                               @Bind("limit") int limit);

    @SqlQuery("SELECT c.id, c.sender_id, u.name AS sender_name, c.recipient_id, c.group_id, c.body, c.sent_at "
            + "FROM chatmessage c JOIN `user` u ON u.id = c.sender_id "
            + "WHERE c.group_id = :groupId AND c.id < :before ORDER BY c.id DESC LIMIT :limit")
    List<ChatRow> groupHistory(@Bind("groupId") int groupId, @Bind("before") long beforeId, @Bind("limit") int limit);
}
