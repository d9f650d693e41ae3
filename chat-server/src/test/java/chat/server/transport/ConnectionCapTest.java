package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConnectionCapTest {
    private final ConnectionCap cap = new ConnectionCap(20_000, 150);

    @Test
    void byDefaultTakesWhatTheOpenFileLimitLeavesAfterOpenAndReservedDescriptors() {
        assertEquals(20_000 - 150 - 16 - ConnectionCap.SLACK, cap.resolve(0, 16));
    }

    @Test
    void anExplicitCapWithinTheLimitIsKept() {
        assertEquals(1_000, cap.resolve(1_000, 16));
    }

    @Test
    void anExplicitCapBeyondTheLimitIsLowered() {
        assertEquals(20_000 - 150 - 16 - ConnectionCap.SLACK, cap.resolve(200_000, 16));
    }

    @Test
    void aLimitTooSmallForTheReserveStillAllowsOneConnection() {
        assertEquals(1, new ConnectionCap(100, 90).resolve(0, 16));
    }
}
