package chat.server;

/** Entry point of {@code chat-server.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = ServeCommand.commandLine().execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
