package chat.bench;

import chat.core.Endpoints;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chat-bench <mode>}: the load tool's command line. */
@Command(name = "chat-bench", mixinStandardHelpOptions = true, version = "chat-bench 0.1",
        description = "Load tool: chat | group | idle | login. Exits 0 only when nothing was lost or refused.")
final class BenchCommand implements Callable<Integer> {
    static final String DEFAULT_TARGET = Endpoints.DEFAULT_HOST + ":" + Endpoints.DEFAULT_PORT;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", description = "chat, group, idle or login")
    private BenchConfig.Mode mode;

    @Option(names = "--target", defaultValue = DEFAULT_TARGET, split = ",",
            description = "host:port, repeatable; users go round-robin over them (default: ${DEFAULT-VALUE})")
    private List<String> targets = new ArrayList<>();

    @Option(names = "--users", defaultValue = "100", description = "users, one connection each (default: ${DEFAULT-VALUE})")
    private int users;

    @Option(names = "--rate", defaultValue = "1000", description = "offered chats per second, all users together (default: ${DEFAULT-VALUE})")
    private double rate;

    @Option(names = "--duration", defaultValue = "10", description = "seconds of measured load; idle: seconds to hold (default: ${DEFAULT-VALUE})")
    private double duration;

    @Option(names = "--warmup", defaultValue = "5", description = "seconds of unmeasured load first (default: ${DEFAULT-VALUE})")
    private double warmup;

    @Option(names = "--drain", defaultValue = "10", description = "seconds to wait for chats in flight before counting losses (default: ${DEFAULT-VALUE})")
    private double drain;

    @Option(names = "--group-size", defaultValue = "50", description = "members per group in group mode (default: ${DEFAULT-VALUE})")
    private int groupSize;

    @Option(names = "--server-pid", split = ",", description = "server pid(s) to read CPU and RSS of from /proc, repeatable")
    private List<Long> serverPids = new ArrayList<>();

    @Option(names = "--source-addresses", description = "local addresses to bind, e.g. 127.0.0.1-127.0.0.20")
    private String sourceAddresses;

    @Option(names = "--prefix", description = "user name prefix (default: a fresh one per run)")
    private String prefix;

    @Option(names = "--password", defaultValue = "bench-pw", description = "password of every bench user")
    private String password;

    @Option(names = "--user-file", description = "file of 'name id' lines: reuse users registered by an earlier run")
    private Path userFile;

    @Option(names = "--threads", description = "selector threads (default: half the available CPUs, at least 1)")
    private Integer threads;

    @Option(names = "--concurrency", defaultValue = "64", description = "set-up requests in flight (default: ${DEFAULT-VALUE})")
    private int concurrency;

    @Option(names = "--padding", defaultValue = "0", description = "extra bytes of chat text (default: ${DEFAULT-VALUE})")
    private int padding;

    @Option(names = "--checkpoints", defaultValue = "10", description = "idle: memory reports while connecting (default: ${DEFAULT-VALUE})")
    private int checkpoints;

    @Option(names = "--with-password", description = "login: storm with passwords (full PBKDF2 check each) instead of "
            + "resume tokens collected by a first, untimed round of password logins")
    private boolean withPassword;

    @Option(names = "--resume", description = "chat, group, idle: users log in with the resume tokens that their "
            + "last password logins got, kept in --user-file, as clients reconnecting to a restarted server do; "
            + "with the password where a token is refused")
    private boolean resume;

    @Option(names = "--timeout", defaultValue = "120", description = "seconds the set-up may take, and a single answer (default: ${DEFAULT-VALUE})")
    private int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BenchConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(spec.name() + ": " + e.getMessage());
            return BenchExit.USAGE.code();
        }
        BenchExit exit = switch (config.mode()) {
            case chat, group -> new LoadRun(config, out).run();
            case idle -> new IdleRun(config, out).run();
            case login -> new LoginRun(config, out).run();
        };
        out.flush();
        return exit.code();
    }

    private BenchConfig config() throws java.net.UnknownHostException {
        require(users >= 1, "--users must be at least 1");
        require(rate > 0 && duration >= 0 && warmup >= 0 && drain >= 0, "--rate must be positive, times not negative");
        require(groupSize >= 2, "--group-size must be at least 2");
        require(padding >= 0 && padding <= 3000, "--padding must be 0..3000");
        require(concurrency >= 1 && checkpoints >= 1 && timeoutSeconds >= 1, "counts and timeouts must be positive");
        String names = prefix != null ? prefix : "b" + Long.toString(System.currentTimeMillis(), 36) + "_";
        require(names.length() + Integer.toString(users).length() <= 32, "--prefix too long for 32-character names");
        int reactors = threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        require(reactors >= 1 && reactors <= 64, "--threads must be 1..64");
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        return new BenchConfig(mode, targets.stream().map(Endpoint::parse).toList(), Endpoint.sources(sourceAddresses),
                users, rate, duration, warmup, groupSize, serverPids, names, password, userFile, reactors,
                concurrency, padding, drain, checkpoints, timeout, timeout, withPassword, resume);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
