package chat.server.storage;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Telling a database that could not be reached from one that refused a statement. */
public final class ConnectionFailures {
    /** H2's "Database may be already in use": another process holds the embedded database's file lock. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private ConnectionFailures() {
    }

    /** True when the embedded database could not be opened because another process has it open. */
    public static boolean isLockedByAnotherProcess(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    /** True when the cause is the connection to the database, not the request (SQL state class 08 and kin). */
    public static boolean isConnectionFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
