package chat.server;

import picocli.CommandLine;

/** Entry point of {@code chat-server.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = new CommandLine(new ServeCommand()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
