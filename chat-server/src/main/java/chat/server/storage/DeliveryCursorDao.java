package chat.server.storage;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * How far each user has received their chats: every chat for them with a larger {@code mid} has not reached
 * them yet (see {@code migrations/V4__delivery_cursor.sql}). Several nodes may move one user's cursor, so
 * every change is relative: forward only, back only, or compare-and-set, each in one UPDATE's WHERE.
 */
public interface DeliveryCursorDao {

    @SqlQuery("SELECT mid FROM delivery_cursor WHERE userid = :userId")
    Optional<Long> find(@Bind("userId") int userId);

    @SqlUpdate("INSERT INTO delivery_cursor (userid, mid) VALUES (:userId, :mid)")
    void insert(@Bind("userId") int userId, @Bind("mid") long mid);

    /** Moves each user's cursor forward to the given mid, never back. */
    @SqlBatch("UPDATE delivery_cursor SET mid = :mid WHERE userid = :userId AND mid < :mid")
    void advance(@Bind("userId") List<Integer> userIds, @Bind("mid") List<Long> mids);

    /**
     * Moves each user's cursor from where it was known to be to the new position; a count of 0 means someone
     * else moved it meanwhile (a rewind from another node), which the caller then respects.
     */
    @SqlBatch("UPDATE delivery_cursor SET mid = :to WHERE userid = :userId AND mid = :from")
    int[] move(@Bind("userId") List<Integer> userIds, @Bind("from") List<Long> from, @Bind("to") List<Long> to);

    /** Moves the cursor back to {@code mid}, if it is beyond: a chat up to there has not reached the user. */
    @SqlUpdate("UPDATE delivery_cursor SET mid = :mid WHERE userid = :userId AND mid > :mid")
    void rewind(@Bind("userId") int userId, @Bind("mid") long mid);
}
