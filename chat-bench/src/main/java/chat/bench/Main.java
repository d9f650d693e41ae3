package chat.bench;

import picocli.CommandLine;

/** Entry point of the {@code chat-bench} jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }
}
