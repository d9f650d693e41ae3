package chat.server.storage;

import java.time.LocalDateTime;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Resume tokens, stored by their SHA-256 only; see {@code migrations/V3__resume_token.sql}. */
public interface ResumeTokenDao {

    @SqlUpdate("INSERT INTO resumetoken (token_hash, userid, expires_at) VALUES (:hash, :userId, :expiresAt)")
    void insert(@Bind("hash") String tokenHash, @Bind("userId") int userId,
                @Bind("expiresAt") LocalDateTime expiresAt);

    /** The user a live token belongs to. */
    @SqlQuery("SELECT userid FROM resumetoken WHERE token_hash = :hash AND expires_at > :now")
    Optional<Integer> findUser(@Bind("hash") String tokenHash, @Bind("now") LocalDateTime now);

    /** Ends every token of the user: an explicit logout means "forget me here". */
    @SqlUpdate("DELETE FROM resumetoken WHERE userid = :userId")
    int revokeAll(@Bind("userId") int userId);

    @SqlUpdate("DELETE FROM resumetoken WHERE userid = :userId AND expires_at <= :now")
    int deleteExpired(@Bind("userId") int userId, @Bind("now") LocalDateTime now);
}
