package chat.server.storage;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Telling a database that could not be reached from one that refused a statement, whichever driver said so. */
public final class ConnectionFailures {
    /** H2's "Database may be already in use": another process holds the embedded database's file lock. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private ConnectionFailures() {
    }

    /** True when the embedded database could not be opened because another process has it open. */
    public static boolean isLockedByAnotherProcess(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataFileLock.InUse
                    || cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the database refused a statement for the rows in it, not for the connection: SQL states of class
     * 22 (data) and 23 (integrity), or SQLite's equivalents, for sqlite-jdbc gives no SQL state.
     */
    public static boolean isRefusedForContent(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            return state.startsWith("22") || state.startsWith("23");
        }
        if (e instanceof SQLiteException sqlite) {
            int primary = sqlite.getResultCode().code & 0xff;
            return primary == SQLiteErrorCode.SQLITE_CONSTRAINT.code || primary == SQLiteErrorCode.SQLITE_TOOBIG.code
                    || primary == SQLiteErrorCode.SQLITE_MISMATCH.code;
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
