package chat.server.storage;

import java.time.LocalDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The history of every chat: stored before it is forwarded, paged back newest first. */
public interface ChatMessageDao {

    @SqlUpdate("INSERT INTO chatmessage (sender_id, recipient_id, group_id, body, sent_at) "
            + "VALUES (:senderId, :recipientId, :groupId, :body, :sentAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("senderId") int senderId, @Bind("recipientId") Integer recipientId,
                @Bind("groupId") Integer groupId, @Bind("body") String body, @Bind("sentAt") LocalDateTime sentAt);

    @SqlQuery("SELECT c.id, c.sender_id, u.name AS sender_name, c.recipient_id, c.group_id, c.body, c.sent_at "
            + "FROM chatmessage c JOIN `user` u ON u.id = c.sender_id "
            + "WHERE ((c.sender_id = :a AND c.recipient_id = :b) OR (c.sender_id = :b AND c.recipient_id = :a)) "
            + "AND c.id < :before ORDER BY c.id DESC LIMIT :limit")
    List<ChatRow> conversation(@Bind("a") int userId, @Bind("b") int otherId, @Bind("before") long beforeId,
                               @Bind("limit") int limit);

    @SqlQuery("SELECT c.id, c.sender_id, u.name AS sender_name, c.recipient_id, c.group_id, c.body, c.sent_at "
            + "FROM chatmessage c JOIN `user` u ON u.id = c.sender_id "
            + "WHERE c.group_id = :groupId AND c.id < :before ORDER BY c.id DESC LIMIT :limit")
    List<ChatRow> groupHistory(@Bind("groupId") int groupId, @Bind("before") long beforeId, @Bind("limit") int limit);
}
