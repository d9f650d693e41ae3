package chat.client;

import chat.core.Endpoints;
import chat.core.Version;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

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

    @Option(names = "--host", defaultValue = Endpoints.DEFAULT_HOST, description = "server host (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--port", defaultValue = "" + Endpoints.DEFAULT_PORT,
            description = "server port, or nginx's (default: ${DEFAULT-VALUE})")
    private int port;

    private final FrontendFactory frontends;

    ClientCommand() {
        this(Frontends::forSystem);
    }

    /** Scripted use with the given streams, whatever they are connected to. */
    ClientCommand(InputStream in, OutputStream out) {
        this(completer -> new PlainFrontend(in, out));
    }

    private ClientCommand(FrontendFactory frontends) {
        this.frontends = frontends;
    }

    @Override
    public Integer call() throws Exception {
        return new ClientApp(host, port, frontends).run().code();
    }
}
