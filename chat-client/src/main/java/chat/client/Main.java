package chat.client;

/** Entry point of the {@code chat-client} jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(ClientCommand.commandLine(new ClientCommand()).execute(args));
    }
}
