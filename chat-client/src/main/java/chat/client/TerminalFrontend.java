package chat.client;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;

/**
 * A person at a terminal: JLine line editing, history and completion; everything else is printed above the
 * prompt so a message arriving mid-typing leaves the half-typed line intact.
 */
final class TerminalFrontend implements Frontend, LineSource, Screen {
    /** JLine reads a NUL mask as "echo nothing", not even asterisks. */
    private static final Character NO_ECHO = 0;

    private final Terminal terminal;
    private final LineReader reader;

    TerminalFrontend(Terminal terminal, Completer completer, Path historyFile, UnaryOperator<String> redact) {
        this.terminal = terminal;
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("chat-client")
                .completer(completer)
                .parser(literalParser())
                .history(new RedactingHistory(redact))
                .variable(LineReader.HISTORY_FILE, historyFile)
                // "hi!!" is a chat message, not a request to repeat the last command.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    /** Quotes and backslashes are text in a chat message; the default parser would wait for the closing quote. */
    private static DefaultParser literalParser() {
        DefaultParser parser = new DefaultParser();
        parser.setQuoteChars(new char[0]);
        parser.setEscapeChars(new char[0]);
        parser.setEofOnUnclosedQuote(false);
        return parser;
    }

    @Override
    public String readLine(String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            return "";
        } catch (EndOfFileException e) {
            return null;
        }
    }

    /** JLine keeps masked input out of the history. */
    @Override
    public String readSecret(String prompt) {
        try {
            return reader.readLine(prompt, NO_ECHO);
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void show(AttributedString text) {
        reader.printAbove(text);
    }

    @Override
    public LineSource lines() {
        return this;
    }

    @Override
    public Screen screen() {
        return this;
    }

    @Override
    public boolean scripted() {
        return false;
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            terminal.writer().println("could not save the command history: " + e.getMessage());
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // The process is ending; the terminal is restored by the OS either way.
        }
    }

    /** Keeps passwords typed on the command line out of the history file. */
    private static final class RedactingHistory extends DefaultHistory {
        private final UnaryOperator<String> redact;

        RedactingHistory(UnaryOperator<String> redact) {
            this.redact = redact;
        }

        @Override
        public void add(Instant time, String line) {
            super.add(time, redact.apply(line));
        }
    }
}
