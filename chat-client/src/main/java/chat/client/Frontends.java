package chat.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.reader.Completer;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Picks the frontend for the process's own stdin and stdout. */
final class Frontends {
    private static final String HISTORY_FILE = ".chat-client_history";

    private Frontends() {
    }

    /**
     * A terminal frontend when stdin and stdout are a terminal, else plain lines. Since JDK 22 {@code
     * System.console()} is non-null even for pipes, so JLine's dumb fallback is the check that matters there.
     */
    static Frontend forSystem(Completer completer) throws IOException {
        if (System.console() == null) {
            return new PlainFrontend(System.in, System.out, System.err);
        }
        Terminal terminal = TerminalBuilder.builder()
                .system(true)
                .dumb(true)
                .encoding(StandardCharsets.UTF_8)
                .build();
        if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
            terminal.close();
            return new PlainFrontend(System.in, System.out, System.err);
        }
        Path history = Path.of(System.getProperty("user.home"), HISTORY_FILE);
        return new TerminalFrontend(terminal, completer, history, new CommandParser()::redact);
    }
}
