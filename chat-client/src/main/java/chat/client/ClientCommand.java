package chat.client;

import chat.core.Endpoints;
import chat.core.Version;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code chat-client --host H --port P}: connects and runs the REPL. */
@Command(name = "chat-client", mixinStandardHelpOptions = true, versionProvider = ClientCommand.ProjectVersion.class,
        description = "Terminal client for the chat server: log in, chat with friends and groups.")
final class ClientCommand implements Callable<Integer> {
    /** The version chat-core was built with, which the server reports too. */
    static final class ProjectVersion implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"chat-client " + Version.current()};
        }
    }

    private static final int HELP_WIDTH = 120;
    private static final List<String> SCRIPTED_MODE = List.of(
            "",
            "Scripted mode: when stdin is not a terminal, commands are read line by line with no prompt, each waiting",
            "for its answer before the next is read. Output goes to stdout; errors and connection notices (lines",
            "starting 'error:' or '*') go to stderr. A password left off a login or register line is read from the",
            "next line; 'passwd' alone reads the current password and the new one from the next two lines. The",
            "client stops at the first command that fails, logs out and exits 4: later lines usually depend on it.",
            "With --keep-going it runs every line and still exits 4 if any failed.",
            "",
            "Exit codes: 0 done, 1 unexpected failure, 2 bad arguments, 3 server unreachable at start,",
            "4 a command failed in scripted mode.");

    @Option(names = "--host", defaultValue = Endpoints.DEFAULT_HOST, description = "server host (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--port", defaultValue = "" + Endpoints.DEFAULT_PORT,
            description = "server port, or nginx's (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--tls", description = "speak TLS: to nginx's TLS listener or a server started with --tls-cert. "
            + "Without it, passwords cross the network in clear")
    private boolean tls;

    @Option(names = "--ca", paramLabel = "FILE", description = "with --tls, trust only the certificate authorities in "
            + "this PEM file (e.g. the ca.crt of ops/make-dev-cert.sh) instead of the JDK's default ones")
    private Path ca;

    @Option(names = "--keep-going",
            description = "in scripted mode, run every line even after a command failed (the exit code is still 4)")
    private boolean keepGoing;

    @Spec
    private CommandSpec spec;

    private final FrontendFactory frontends;

    ClientCommand() {
        this(Frontends::forSystem);
    }

    /** Scripted use with the given streams, whatever they are connected to. */
    ClientCommand(InputStream in, OutputStream out, OutputStream err) {
        this(completer -> new PlainFrontend(in, out, err));
    }

    /** With any frontend: tests use one that is not a terminal but stands for a person at one. */
    ClientCommand(FrontendFactory frontends) {
        this.frontends = frontends;
    }

    /** The command line, its {@code --help} ending with the REPL's commands and how scripts are run. */
    static CommandLine commandLine(ClientCommand command) {
        CommandLine cli = new CommandLine(command)
                // As wide as the help text's lines, which picocli would otherwise break at 80.
                .setUsageHelpWidth(HELP_WIDTH)
                // A user gets the reason in one line, not a stack trace.
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    commandLine.getErr().println(commandLine.getCommandName() + ": " + e);
                    return ExitCode.RUNTIME.code();
                });
        List<String> footer = new ArrayList<>();
        footer.add("");
        footer.add("Commands at the prompt ('help' lists them there too):");
        new HelpText().all().toString().lines().map(line -> "  " + line).forEach(footer::add);
        footer.addAll(SCRIPTED_MODE);
        // picocli formats help text: a % of ours must not be read as a format.
        String[] lines = footer.stream().map(line -> line.replace("%", "%%")).toArray(String[]::new);
        cli.getCommandSpec().usageMessage().footer(lines);
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        return new ClientApp(host, port, tls(), frontends, keepGoing).run().code();
    }

    private ClientTls tls() {
        if (!tls) {
            if (ca != null) {
                throw new ParameterException(spec.commandLine(), "--ca goes with --tls");
            }
            return null;
        }
        try {
            return ClientTls.trusting(ca);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
