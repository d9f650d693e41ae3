package chat.server.storage;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Messages waiting for a user who was offline. They are read for the login ack and deleted only once the ack
 * has been written, and only up to the last id read, so nothing stored meanwhile is lost.
 */
public interface OfflineMessageDao {

    @SqlUpdate("INSERT INTO offlinemessage (userid, message) VALUES (:userId, :message)")
    void insert(@Bind("userId") int userId, @Bind("message") String message);

    @SqlQuery("SELECT id, userid, message FROM offlinemessage WHERE userid = :userId ORDER BY id")
    List<OfflineRow> forUser(@Bind("userId") int userId);

    @SqlUpdate("DELETE FROM offlinemessage WHERE userid = :userId AND id <= :upToId")
    int deleteUpTo(@Bind("userId") int userId, @Bind("upToId") long upToId);
}
