package chat.client;

/**
 * What failed commands mean for the run. A person at a terminal reads the error and goes on. A script stops at
 * the first failure: its lines usually depend on the ones before (no chat before the login worked, no group chat
 * before the group exists), so going on would run them in a state its writer did not expect, and the exit code
 * could not say which lines ran. With {@code --keep-going} a script runs every line instead. Either way a script
 * with a failed command exits with {@link ExitCode#COMMAND_FAILED}, and so does one whose queued chats were given
 * up: they failed after their command had been reported queued. Only the REPL thread uses it.
 */
final class Verdict {
    private final boolean scripted;
    private final boolean keepGoing;
    private final ChatQueue queue;
    private int firstFailedLine;

    Verdict(boolean scripted, boolean keepGoing, ChatQueue queue) {
        this.scripted = scripted;
        this.keepGoing = keepGoing;
        this.queue = queue;
    }

    /** Takes the outcome of the command on input line {@code line}; true when the run should stop there. */
    boolean stopAfter(Outcome outcome, int line) {
        if (outcome == Outcome.DONE || !scripted) {
            return false;
        }
        if (firstFailedLine == 0) {
            firstFailedLine = line;
        }
        return !keepGoing;
    }

    /** The input line of the first failed command, 0 when none failed. */
    int firstFailedLine() {
        return firstFailedLine;
    }

    ExitCode exitCode() {
        boolean failed = firstFailedLine != 0 || (scripted && queue.givenUp() > 0);
        return failed ? ExitCode.COMMAND_FAILED : ExitCode.OK;
    }
}
