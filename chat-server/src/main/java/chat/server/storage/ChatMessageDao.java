package chat.server.storage;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Every chat, read back: a conversation's history paged back newest first, and a user's chats after a position,
 * oldest first, for delivery. The server writes chats in batches ({@link ChatMessageBatchDao}).
 */
public interface ChatMessageDao {

    // One index range per direction, each stopping after :limit rows. A single WHERE with OR made MariaDB read
    // and sort the whole conversation for every page (400 ms at 200k messages, against under 10 ms this way).
    // UNION rather than UNION ALL, so a user's notes to self do not come back twice. Each LIMITed half is a
    // derived table of its own because SQLite takes no parenthesised SELECT in a UNION (MySQL needs one or this).
    @SqlQuery("SELECT c.id, c.sender_id, u.name AS sender_name, c.recipient_id, c.group_id, c.body, c.sent_at "
            + "FROM (SELECT id FROM (SELECT id FROM chatmessage WHERE sender_id = :a AND recipient_id = :b "
            + "AND id < :before ORDER BY id DESC LIMIT :limit) sent "
            + "UNION SELECT id FROM (SELECT id FROM chatmessage WHERE sender_id = :b AND recipient_id = :a "
            + "AND id < :before ORDER BY id DESC LIMIT :limit) received) page "
            + "JOIN chatmessage c ON c.id = page.id JOIN `user` u ON u.id = c.sender_id "
            + "ORDER BY c.id DESC LIMIT :limit")
    List<ChatRow> conversation(@Bind("a") int userId, @Bind("b") int otherId, @Bind("before") long beforeId,
                               @Bind("limit") int limit);

    @SqlQuery("SELECT c.id, c.sender_id, u.name AS sender_name, c.recipient_id, c.group_id, c.body, c.sent_at "
            + "FROM chatmessage c JOIN `user` u ON u.id = c.sender_id "
            + "WHERE c.group_id = :groupId AND c.id < :before ORDER BY c.id DESC LIMIT :limit")
    List<ChatRow> groupHistory(@Bind("groupId") int groupId, @Bind("before") long beforeId, @Bind("limit") int limit);

    /**
     * The chats a user receives after {@code after}, oldest first: one-to-one chats to them, and chats in their
     * groups by others since they joined. Each half stops after {@code :limit} rows on its own index range.
     */
    @SqlQuery("SELECT c.id, c.sender_id, u.name AS sender_name, c.recipient_id, c.group_id, c.body, c.sent_at "
            + "FROM (SELECT id FROM (SELECT id FROM chatmessage WHERE recipient_id = :user AND id > :after "
            + "ORDER BY id LIMIT :limit) direct "
            + "UNION ALL SELECT id FROM (SELECT g.id FROM groupuser m JOIN chatmessage g ON g.group_id = m.groupid "
            + "WHERE m.userid = :user AND g.id > :after AND g.id > m.joined_mid AND g.sender_id <> :user "
            + "ORDER BY g.id LIMIT :limit) grouped) page "
            + "JOIN chatmessage c ON c.id = page.id JOIN `user` u ON u.id = c.sender_id "
            + "ORDER BY c.id LIMIT :limit")
    List<ChatRow> receivedAfter(@Bind("user") int userId, @Bind("after") long after, @Bind("limit") int limit);

    /** The largest mid stored, 0 when there is none: new ids start above it. */
    @SqlQuery("SELECT COALESCE(MAX(id), 0) FROM chatmessage")
    long maxId();

    /** Which of {@code ids} are stored. */
    @SqlQuery("SELECT id FROM chatmessage WHERE id IN (<ids>)")
    List<Long> storedOf(@BindList("ids") List<Long> ids);
}
