package chat.server;

import chat.core.Endpoints;
import chat.core.Version;
import chat.server.auth.PasswordGate;
import chat.server.auth.PasswordHasher;
import chat.server.cluster.ClusterSettings;
import chat.server.storage.ConnectionFailures;
import chat.server.storage.DatabaseSettings;
import chat.server.transport.ServerTls;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/** {@code chat-server}: runs one node until SIGINT or SIGTERM. */
@Command(name = "chat-server", mixinStandardHelpOptions = true, versionProvider = ServeCommand.ProjectVersion.class,
        description = "Runs a chat server node. With no database options it keeps its data in an embedded "
                + "database under --data-dir; give --db-url to use MySQL/MariaDB instead. With --redis the node "
                + "joins a cluster: every node started with the same --redis and --db-url shares users, presence "
                + "and messages.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    private static final int MYSQL_POOL_SIZE = 16;
    private static final String DEFAULT_ADMIN_HOST = "127.0.0.1";
    private static final int MAX_PORT = 65535;

    /** The command line of chat-server: a mistake in the options gets one line and a hint, not the whole usage. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ServeCommand());
        commandLine.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("chat-server: " + e.getMessage());
            if (e instanceof UnmatchedArgumentException unmatched) {
                UnmatchedArgumentException.printSuggestions(unmatched, err);
            }
            err.println("'chat-server --help' lists the options");
            err.flush();
            return e.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
        });
        return commandLine;
    }

    /** The version chat-core was built with, which the client reports too. */
    static final class ProjectVersion implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"chat-server " + Version.current()};
        }
    }


    @Option(names = "--host", defaultValue = Endpoints.DEFAULT_HOST, description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "" + Endpoints.DEFAULT_PORT, description = "TCP port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--ws-port", paramLabel = "PORT", description = "Port of the web client (http://HOST:PORT/) "
            + "and its WebSocket (/ws), served by the same node; off unless given.")
    Integer wsPort;

    @Option(names = "--ws-host", paramLabel = "HOST", description = "Address the web client and WebSocket listen on "
            + "(default: --host).")
    String wsHost;

    @Option(names = "--ws-origin", paramLabel = "ORIGIN", description = "A page origin, e.g. https://chat.example.com, "
            + "allowed to open the WebSocket; repeatable. Without any, only a page from the host and port the "
            + "browser connected to may (also through nginx, which passes the Host header on); with some, only "
            + "those and the node's own http://HOST:PORT.")
    List<String> wsOrigins = new ArrayList<>();

    @Option(names = "--data-dir", defaultValue = "data",
            description = "Directory of the embedded database, used when --db-url is not given (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db-url", description = "JDBC URL of a MySQL/MariaDB database, e.g. jdbc:mysql://127.0.0.1:3306/chat. "
            + "The database must exist; tables are created by migrations at start-up.")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:CHAT_DB_USER:-root}", description = "Database user (default: $CHAT_DB_USER or root).")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:CHAT_DB_PASSWORD:-}", description = "Database password (default: $CHAT_DB_PASSWORD, else empty). Prefer the environment variable: options show in ps.")
    String dbPassword;

    @Option(names = "--db-pool-size", paramLabel = "N", description = "Database connections in the pool, for the "
            + "embedded database too (default: " + MYSQL_POOL_SIZE + " with --db-url, "
            + DatabaseSettings.DEFAULT_POOL_SIZE + " for the embedded one).")
    Integer dbPoolSize;

    @Option(names = "--max-connections", defaultValue = "0", description = "Client connections held at once; more wait in the accept backlog. "
            + "At most what the open-file limit (ulimit -n) leaves room for, which is also the default.")
    int maxConnections;

    @Option(names = "--max-queued-bytes", defaultValue = "1048576", description = "Bytes that may wait unwritten for one client before it is disconnected as too slow; its undelivered chats are stored offline (default: ${DEFAULT-VALUE}).")
    long maxQueuedBytes;

    @Option(names = "--pbkdf2-iterations", defaultValue = "" + PasswordHasher.DEFAULT_ITERATIONS, description = "PBKDF2 iterations for new password hashes; existing hashes keep theirs (default: ${DEFAULT-VALUE}).")
    int passwordIterations;

    @Option(names = "--password-threads", paramLabel = "N", description = "Threads that hash passwords; "
            + PasswordGate.Limits.QUEUE_PER_THREAD + " requests per thread may wait for them, more are refused at once "
            + "(default: half the cores, at least 1).")
    Integer passwordThreads;

    @Option(names = "--register-limit", paramLabel = "N", defaultValue = "" + PasswordGate.Limits.DEFAULT_REGISTRATIONS_PER_ADDRESS,
            description = "Registrations a minute from one client address; 0 for no limit "
            + "(default: ${DEFAULT-VALUE}).")
    int registerLimit;

    @Option(names = "--login-failure-limit", paramLabel = "N", defaultValue = "" + PasswordGate.Limits.DEFAULT_FAILED_LOGINS_PER_ADDRESS,
            description = "Failed password logins a minute from one client address; 0 for no limit "
            + "(default: ${DEFAULT-VALUE}).")
    int loginFailureLimit;

    @Option(names = "--account-failure-limit", paramLabel = "N", defaultValue = "" + PasswordGate.Limits.DEFAULT_FAILED_LOGINS_PER_ACCOUNT,
            description = "Failed password logins a minute for one account, from anywhere; 0 for no limit "
            + "(default: ${DEFAULT-VALUE}).")
    int accountFailureLimit;

    @Option(names = "--redis", paramLabel = "URI", description = "Redis of the cluster, e.g. redis://127.0.0.1:6379 "
            + "(redis://[user:password@]host[:port][/db]). Turns on cluster mode; needs --db-url, the database "
            + "every node shares. Without it the node runs alone.")
    URI redis;

    @Option(names = "--node-id", paramLabel = "ID", description = "This node's name in logs and Redis; must differ between running "
            + "nodes (default: HOSTNAME:PORT).")
    String nodeId;

    @Option(names = "--redis-prefix", paramLabel = "PREFIX", defaultValue = ClusterSettings.DEFAULT_PREFIX, description = "Prefix of the "
            + "cluster's Redis keys and channels; clusters sharing one Redis need different prefixes "
            + "(default: ${DEFAULT-VALUE}).")
    String redisPrefix;

    @Option(names = "--presence-ttl-ms", paramLabel = "MILLIS", defaultValue = "" + ClusterSettings.DEFAULT_PRESENCE_TTL_MILLIS, description = "Lifetime of a user's presence in "
            + "Redis, renewed every third of it by the node's heartbeat. If a node dies without logging its users "
            + "out (kill -9, power loss), they can log in again elsewhere within this time "
            + "(default: ${DEFAULT-VALUE}).")
    long presenceTtlMillis;

    @Option(names = "--cluster-stats-interval", defaultValue = "" + ClusterSettings.DEFAULT_STATS_INTERVAL_SECONDS, paramLabel = "SECONDS", description = "How "
            + "often the node logs its cross-node traffic (published, received), when it changed; 0 turns it off "
            + "(default: ${DEFAULT-VALUE}).")
    long clusterStatsSeconds;

    @Option(names = "--admin-port", paramLabel = "PORT", description = "Serve /metrics (Prometheus text format), "
            + "/health/live and /health/ready over HTTP on this port (default: off).")
    Integer adminPort;

    @Option(names = "--admin-host", paramLabel = "HOST", defaultValue = DEFAULT_ADMIN_HOST, description = "Address "
            + "the admin port listens on; metrics tell a lot about the node, so keep it private "
            + "(default: ${DEFAULT-VALUE}).")
    String adminHost;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "Serve TLS with this PEM certificate chain "
            + "(the server's certificate first); needs --tls-key. Without TLS, passwords cross the network in clear.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The certificate's private key: PEM, unencrypted "
            + "PKCS#8 (BEGIN PRIVATE KEY). Convert another with: openssl pkcs8 -topk8 -nocrypt -in KEY -out FILE")
    Path tlsKey;

    @Spec
    CommandSpec spec;

    /**
     * Checks the options, starts the node and waits for SIGINT or SIGTERM. Options that cannot work are refused
     * (exit 2) before anything is opened; a node that cannot start says why in one line (exit 1).
     */
    @Override
    public Integer call() throws Exception {
        checkPort("--port", port);
        if (adminPort != null) {
            checkPort("--admin-port", adminPort);
        }
        if (wsPort != null) {
            checkPort("--ws-port", wsPort);
        }
        ChatNode.Settings settings = new ChatNode.Settings(host, port, databaseSettings(), passwordIterations,
                maxConnections, maxQueuedBytes, Duration.ofSeconds(5), clusterSettings(), passwordLimits(),
                adminAddress(), webSettings(), tls());
        log.info("chat-server {} starting (pid {})", Version.current(), ProcessHandle.current().pid());
        log.info("database: {}", dbUrl == null
                ? "embedded, in " + dataDir.toAbsolutePath().normalize() + " (" + settings.database().poolSize()
                        + " pooled connections)"
                : settings.database().shownUrl() + " as " + dbUser + " (" + settings.database().poolSize()
                        + " pooled connections)");
        log.info("cluster: {}", settings.cluster() == null
                ? "none, this node runs alone (--redis joins one)"
                : settings.cluster().shownRedis() + " as node " + settings.cluster().nodeId() + ", key prefix '"
                        + settings.cluster().prefix() + "'");
        ChatNode node;
        try {
            node = ChatNode.start(settings);
        } catch (Exception e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("chat-server: " + whyNotStarted(e));
            err.flush();
            return 1;
        }
        log.info("serving chats on {}:{} ({}); {}; Ctrl-C to stop", host, node.port(),
                settings.tls() == null ? "plain TCP: passwords cross the network in clear" : "TLS",
                node.adminPort() < 0
                ? "admin port off (--admin-port serves /metrics and /health)"
                : "metrics on http://" + adminHost + ":" + node.adminPort() + "/metrics, health on /health/live "
                        + "and /health/ready");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down");
            node.close();
            stopped.countDown();
        }, "chat-shutdown"));
        stopped.await();
        return 0;
    }

    /** One line for the operator: what to change when the cause is known, else the failure's own message. */
    private String whyNotStarted(Exception e) {
        if (e instanceof ChatNode.CannotListen taken) {
            return taken.getMessage() + (taken.inUse() ? "; pass another " + (taken.admin() ? "--admin-port"
                    : "--port") : "");
        }
        if (dbUrl == null && ConnectionFailures.isLockedByAnotherProcess(e)) {
            return "another server is using " + shown(dataDir) + "; pass --data-dir";
        }
        return "could not start: " + e.getMessage();
    }

    /** A relative directory as a shell user would write it, so it reads as a path: ./data rather than data. */
    private static String shown(Path dir) {
        String text = dir.toString();
        return dir.isAbsolute() || text.startsWith(".") ? text : "./" + text;
    }

    private void checkPort(String option, int value) {
        if (value < 0 || value > MAX_PORT) {
            throw new ParameterException(spec.commandLine(), option + " must be a TCP port from 0 (any free one) "
                    + "to " + MAX_PORT + ", was " + value);
        }
    }

    private DatabaseSettings databaseSettings() {
        int poolSize = dbPoolSize != null ? dbPoolSize
                : dbUrl == null ? DatabaseSettings.DEFAULT_POOL_SIZE : MYSQL_POOL_SIZE;
        if (poolSize < 1) {
            throw new ParameterException(spec.commandLine(), "--db-pool-size must be at least 1, was " + poolSize);
        }
        return dbUrl == null
                ? DatabaseSettings.embedded(dataDir, poolSize)
                : new DatabaseSettings(dbUrl, dbUser, dbPassword, poolSize);
    }

    private InetSocketAddress adminAddress() {
        if (adminPort == null) {
            return null;
        }
        InetSocketAddress address = new InetSocketAddress(adminHost, adminPort);
        if (address.isUnresolved()) {
            throw new ParameterException(spec.commandLine(), "--admin-host " + adminHost + " is not an address of "
                    + "this machine");
        }
        return address;
    }

    private ChatNode.Web webSettings() {
        if (wsPort == null) {
            if (wsHost != null || !wsOrigins.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--ws-host and --ws-origin need --ws-port");
            }
            return null;
        }
        return new ChatNode.Web(wsHost != null ? wsHost : host, wsPort, wsOrigins);
    }

    private PasswordGate.Limits passwordLimits() {
        int threads = passwordThreads != null ? passwordThreads : PasswordGate.Limits.defaultHashThreads();
        if (threads < 1 || registerLimit < 0 || loginFailureLimit < 0 || accountFailureLimit < 0) {
            throw new ParameterException(spec.commandLine(), "--password-threads must be at least 1, and the "
                    + "limits 0 (none) or more");
        }
        return new PasswordGate.Limits(threads, threads * PasswordGate.Limits.QUEUE_PER_THREAD, registerLimit,
                loginFailureLimit, accountFailureLimit);
    }

    /** The certificate and key, read before anything starts so a wrong file is reported at once. */
    private ServerTls tls() {
        if (tlsCert == null && tlsKey == null) {
            return null;
        }
        if (tlsCert == null || tlsKey == null) {
            throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together");
        }
        ServerTls tls;
        try {
            tls = ServerTls.fromPem(tlsCert, tlsKey);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (tls.expired(Instant.now())) {
            log.warn("the TLS certificate in {} has expired ({}): clients will refuse it", tlsCert, tls);
        }
        return tls;
    }

    private ClusterSettings clusterSettings() {
        if (redis == null) {
            return null;
        }
        if (dbUrl == null) {
            throw new ParameterException(spec.commandLine(), "--redis needs --db-url: the nodes of a cluster share "
                    + "one MySQL/MariaDB database");
        }
        String id = nodeId != null ? nodeId : defaultNodeId(port);
        try {
            return new ClusterSettings(redis, id, redisPrefix, Duration.ofMillis(presenceTtlMillis),
                    Duration.ofSeconds(clusterStatsSeconds));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** HOSTNAME:PORT, unique as long as no two nodes on one machine share a port. */
    static String defaultNodeId(int port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        return host + ":" + (port == 0 ? "pid" + ProcessHandle.current().pid() : Integer.toString(port));
    }
}
