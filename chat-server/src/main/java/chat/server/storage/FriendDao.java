package chat.server.storage;

import java.util.List;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Friendship is mutual: each pair is stored as two rows, written together. */
public interface FriendDao extends SqlObject {

    @SqlQuery("SELECT COUNT(*) > 0 FROM friend WHERE userid = :userId AND friendid = :friendId")
    boolean exists(@Bind("userId") int userId, @Bind("friendId") int friendId);

    @SqlUpdate("INSERT INTO friend (userid, friendid) VALUES (:userId, :friendId)")
    void insert(@Bind("userId") int userId, @Bind("friendId") int friendId);

    /** Makes the two users friends of each other; false when they already were. */
    @Transaction
    default boolean addMutual(int userId, int friendId) {
        if (exists(userId, friendId)) {
            return false;
        }
        insert(userId, friendId);
        if (!exists(friendId, userId)) {
            insert(friendId, userId);
        }
        return true;
    }

    /** Ends the friendship both ways; false when they were not friends. */
    @Transaction
    default boolean removeMutual(int userId, int friendId) {
        int removed = delete(userId, friendId);
        delete(friendId, userId);
        return removed > 0;
    }

    @SqlUpdate("DELETE FROM friend WHERE userid = :userId AND friendid = :friendId")
    int delete(@Bind("userId") int userId, @Bind("friendId") int friendId);

    /** All of them, uncut, unlike the lists users are shown: whom to tell that this user came or went. */
    @SqlQuery("SELECT friendid FROM friend WHERE userid = :userId")
    List<Integer> friendIdsOf(@Bind("userId") int userId);

    @SqlQuery("SELECT u.id, u.name FROM friend f JOIN `user` u ON u.id = f.friendid WHERE f.userid = :userId ORDER BY u.id")
    List<UserRef> friendsOf(@Bind("userId") int userId);
}
