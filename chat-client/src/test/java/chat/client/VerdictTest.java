package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerdictTest {
    @Test
    void aScriptStopsAtItsFirstFailureAndExitsFour() {
        Verdict script = new Verdict(true, false, new ChatQueue());
        assertFalse(script.stopAfter(Outcome.DONE, 1));
        assertTrue(script.stopAfter(Outcome.FAILED, 2));
        assertEquals(2, script.firstFailedLine());
        assertEquals(ExitCode.COMMAND_FAILED, script.exitCode());
    }

    @Test
    void keepGoingRunsOnButRemembersTheFirstFailure() {
        Verdict script = new Verdict(true, true, new ChatQueue());
        assertFalse(script.stopAfter(Outcome.FAILED, 3));
        assertFalse(script.stopAfter(Outcome.FAILED, 5));
        assertEquals(3, script.firstFailedLine());
        assertEquals(ExitCode.COMMAND_FAILED, script.exitCode());
    }

    @Test
    void aPersonAtATerminalIsNeverStoppedAndLeavesWithZero() {
        Verdict person = new Verdict(false, false, new ChatQueue());
        assertFalse(person.stopAfter(Outcome.FAILED, 1));
        assertEquals(ExitCode.OK, person.exitCode());
    }
}
