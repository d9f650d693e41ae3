package chat.server.storage;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

public interface GroupDao extends SqlObject {
    String CREATOR = "creator";
    String NORMAL = "normal";

    @SqlQuery("SELECT id, groupname, groupdesc FROM allgroup WHERE id = :id")
    Optional<GroupRow> findById(@Bind("id") int id);

    @SqlQuery("SELECT id, groupname, groupdesc FROM allgroup WHERE groupname = :name")
    Optional<GroupRow> findByName(@Bind("name") String name);

    @SqlUpdate("INSERT INTO allgroup (groupname, groupdesc) VALUES (:name, :desc)")
    @GetGeneratedKeys("id")
    int insertGroup(@Bind("name") String name, @Bind("desc") String desc);

    /** {@code joinedMid}: the member receives the group's chats from this position on. */
    @SqlUpdate("INSERT INTO groupuser (groupid, userid, grouprole, joined_mid) VALUES (:groupId, :userId, :role, :joinedMid)")
    void insertMember(@Bind("groupId") int groupId, @Bind("userId") int userId, @Bind("role") String role,
                      @Bind("joinedMid") long joinedMid);

    @SqlQuery("SELECT COUNT(*) > 0 FROM groupuser WHERE groupid = :groupId AND userid = :userId")
    boolean isMember(@Bind("groupId") int groupId, @Bind("userId") int userId);

    /** Creates the group with its creator as first member; empty when the name is taken. */
    @Transaction
    default Optional<GroupRow> create(String name, String desc, int creatorId, long joinedMid) {
        if (findByName(name).isPresent()) {
            return Optional.empty();
        }
        int id = insertGroup(name, desc);
        insertMember(id, creatorId, CREATOR, joinedMid);
        return Optional.of(new GroupRow(id, name, desc));
    }

    /** Adds a normal member; false when the user already was one. */
    @Transaction
    default boolean join(int groupId, int userId, long joinedMid) {
        if (isMember(groupId, userId)) {
            return false;
        }
        insertMember(groupId, userId, NORMAL, joinedMid);
        return true;
    }

    @SqlQuery("SELECT grouprole FROM groupuser WHERE groupid = :groupId AND userid = :userId")
    Optional<String> roleOf(@Bind("groupId") int groupId, @Bind("userId") int userId);

    @SqlUpdate("DELETE FROM groupuser WHERE groupid = :groupId AND userid = :userId")
    int deleteMember(@Bind("groupId") int groupId, @Bind("userId") int userId);

    /** The member who joined first (the lowest id among those who joined at once). */
    @SqlQuery("SELECT userid FROM groupuser WHERE groupid = :groupId ORDER BY joined_mid, userid LIMIT 1")
    Optional<Integer> longestMember(@Bind("groupId") int groupId);

    @SqlUpdate("UPDATE groupuser SET grouprole = '" + CREATOR + "' WHERE groupid = :groupId AND userid = :userId")
    void makeCreator(@Bind("groupId") int groupId, @Bind("userId") int userId);

    /**
     * Takes the user out of the group; empty when they were not a member. A group with members keeps a creator:
     * when the creator leaves, the member who joined first becomes it. A group whose last member left stays, with
     * its name and history, and may be joined again.
     */
    @Transaction
    default Optional<Departure> leave(int groupId, int userId) {
        Optional<String> role = roleOf(groupId, userId);
        if (role.isEmpty() || deleteMember(groupId, userId) == 0) {
            return Optional.empty();
        }
        if (!CREATOR.equals(role.get())) {
            return Optional.of(new Departure(null));
        }
        Optional<Integer> successor = longestMember(groupId);
        successor.ifPresent(id -> makeCreator(groupId, id));
        return Optional.of(new Departure(successor.orElse(null)));
    }

    @SqlQuery("SELECT g.id, g.groupname, g.groupdesc FROM allgroup g JOIN groupuser m ON m.groupid = g.id "
            + "WHERE m.userid = :userId ORDER BY g.id")
    List<GroupRow> groupsOf(@Bind("userId") int userId);

    @SqlQuery("SELECT m.groupid AS group_id, u.id, u.name, m.grouprole AS role FROM groupuser m "
            + "JOIN `user` u ON u.id = m.userid WHERE m.groupid = :groupId ORDER BY u.id")
    List<MemberRow> membersOf(@Bind("groupId") int groupId);

    @SqlQuery("SELECT userid FROM groupuser WHERE groupid = :groupId")
    List<Integer> memberIds(@Bind("groupId") int groupId);
}
