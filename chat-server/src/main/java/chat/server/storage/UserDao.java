package chat.server.storage;

import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

public interface UserDao extends SqlObject {

    /** Inserts a user and returns the new id; throws {@link org.jdbi.v3.core.statement.UnableToExecuteStatementException} when the name is taken. */
    @SqlUpdate("INSERT INTO `user` (name, password) VALUES (:name, :password)")
    @GetGeneratedKeys("id")
    int insert(@Bind("name") String name, @Bind("password") String passwordHash);

    @SqlQuery("SELECT id, name, password FROM `user` WHERE id = :id")
    Optional<UserRow> findById(@Bind("id") int id);

    @SqlQuery("SELECT id, name, password FROM `user` WHERE name = :name")
    Optional<UserRow> findByName(@Bind("name") String name);

    /** {@code passwordHash} is a {@code PasswordHasher} string, as {@link #insert} takes it. */
    @SqlUpdate("UPDATE `user` SET password = :password WHERE id = :id")
    void updatePassword(@Bind("id") int id, @Bind("password") String passwordHash);

    /**
     * Registers a user whose chats count from {@code cursor} on (see {@link DeliveryCursorDao}); returns the new
     * id. Throws like {@link #insert} when the name is taken.
     */
    @Transaction
    default int create(String name, String passwordHash, long cursor) {
        int id = insert(name, passwordHash);
        getHandle().attach(DeliveryCursorDao.class).insert(id, cursor);
        return id;
    }
}
