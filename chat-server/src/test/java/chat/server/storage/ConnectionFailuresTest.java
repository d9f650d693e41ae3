package chat.server.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

class ConnectionFailuresTest {

    @Test
    void aDatabaseThatCannotBeReachedIsToldApartFromARequestItRefused() {
        assertTrue(ConnectionFailures.isConnectionFailure(new ConnectionException(
                new SQLTransientConnectionException("chat-db - Connection is not available, request timed out"))));
        assertTrue(ConnectionFailures.isConnectionFailure(new UnableToExecuteStatementException(
                new SQLException("Communications link failure", "08S01"), null)));
        assertFalse(ConnectionFailures.isConnectionFailure(new UnableToExecuteStatementException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000"), null)));
        assertFalse(ConnectionFailures.isConnectionFailure(new IllegalStateException("a bug")));
    }
}
