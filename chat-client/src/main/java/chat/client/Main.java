package chat.client;

import picocli.CommandLine;

/** Entry point of the {@code chat-client} jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ClientCommand())
                // A user gets the reason in one line, not a stack trace.
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    commandLine.getErr().println(commandLine.getCommandName() + ": " + e);
                    return ExitCode.RUNTIME.code();
                });
        System.exit(cli.execute(args));
    }
}
