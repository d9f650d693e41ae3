package chat.server;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Entry point of {@code chat-server.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Helidon (the web client's server) logs through java.util.logging; send that to logback with the rest.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int exitCode = ServeCommand.commandLine().execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
