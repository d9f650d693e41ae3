package chat.bench;

import chat.core.Codec;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code login}: a storm of N users logging in at the same moment, as after a node restart. As real clients do,
 * every user first logs in once with the password (untimed, at {@code --concurrency}), keeps the resume token
 * of its LoginAck and disconnects without logging out (a Logout revokes the tokens); then the tool opens N
 * connections and all N log in at once with their tokens. {@code --with-password} storms with passwords
 * instead (a full PBKDF2 check per login). Reports how long the storm took, per-login latency and the server
 * CPU per login.
 */
final class LoginRun {
    private final BenchConfig config;
    private final Report report;
    private final PrintWriter log;
    private final Codec codec = new Codec();

    LoginRun(BenchConfig config, PrintWriter out) {
        this.config = config;
        this.report = new Report(out);
        this.log = out;
    }

    BenchExit run() throws Exception {
        Users users = Users.prepare(config, codec, log);
        int n = config.users();
        String[] tokens = null;
        if (!config.withPassword()) {
            try {
                tokens = collectTokens(users);
            } catch (IOException e) {
                report.line("setup_failed", e.getMessage());
                return BenchExit.SETUP;
            }
            // The server releases a user when it sees the disconnect; give it a moment before the storm.
            Thread.sleep(1000);
        }
        Setup.Outcome<LineChannel> opened = Setup.run(n, config.concurrency(), config.setupTimeout(),
                i -> Sessions.connect(config, i, codec));
        List<LineChannel> channels = opened.results();
        try {
            if (!opened.ok()) {
                report.line("setup_failed", opened.failures() + " connections: " + opened.reasons());
                return BenchExit.SETUP;
            }
            return storm(users, channels, tokens);
        } finally {
            Sessions.closeAll(channels);
        }
    }

    /** One password login per user, disconnecting afterwards; returns each user's resume token. */
    private String[] collectTokens(Users users) throws IOException, InterruptedException {
        long start = System.nanoTime();
        int n = config.users();
        Setup.Outcome<String> primed = Setup.run(n, config.concurrency(), config.setupTimeout(), i -> {
            try (LineChannel ch = Sessions.connect(config, i, codec)) {
                String token = Sessions.login(ch, users, i, config, codec);
                if (token == null || token.isEmpty()) {
                    throw new IOException("no resume token in the LoginAck of " + users.name(i)
                            + " (server without resume tokens? use --with-password)");
                }
                return token;
            }
        });
        if (!primed.ok()) {
            throw new IOException(primed.failures() + " password logins failed: " + primed.reasons());
        }
        report.note("collected %d resume tokens (password logins, %d at a time, not timed) in %.1f s", n,
                config.concurrency(), (System.nanoTime() - start) / 1e9);
        return primed.results().toArray(new String[0]);
    }

    private BenchExit storm(Users users, List<LineChannel> channels, String[] tokens) throws InterruptedException {
        int n = channels.size();
        long[] started = new long[n];
        long[] finished = new long[n];
        CountDownLatch ready = new CountDownLatch(n);
        ProcStats servers = new ProcStats(config.serverPids());
        ProcStats.Sample before = servers.sample();
        long toolBefore = ProcStats.selfCpuNanos();
        Setup.Outcome<Integer> done = Setup.run(n, n, config.setupTimeout(), i -> {
            ready.countDown();
            if (!ready.await(config.setupTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("not every connection got ready");
            }
            started[i] = System.nanoTime();
            if (tokens == null) {
                Sessions.login(channels.get(i), users, i, config, codec);
            } else {
                Sessions.resume(channels.get(i), users, i, tokens[i], codec);
            }
            finished[i] = System.nanoTime();
            return i;
        });
        long toolCpu = ProcStats.selfCpuNanos() - toolBefore;
        ProcStats.Sample after = servers.sample();
        Histogram latency = new Histogram();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (finished[i] != 0) {
                latency.record((finished[i] - started[i]) / 1000);
                first = Math.min(first, started[i]);
                last = Math.max(last, finished[i]);
            }
        }
        long ok = Arrays.stream(finished).filter(f -> f != 0).count();
        double seconds = ok == 0 ? 0 : (last - first) / 1e9;
        report.line("mode", "login storm targets=" + config.targets() + " users=" + n
                + " credential=" + (tokens == null ? "password" : "resume-token"));
        report.line("logins_ok", ok);
        report.line("errors", done.failures());
        done.reasons().forEach(r -> report.line("error_sample", r));
        report.line("storm_s", Report.fixed(seconds, 2));
        report.line("logins_per_s", Report.fixed(seconds > 0 ? ok / seconds : 0, 0));
        report.latency("latency_us", latency);
        if (before.known() && after.known()) {
            report.cpu("server", after.cpuNanos() - before.cpuNanos(), ok, "login");
            report.rss("server", before, after);
        }
        report.cpu("tool", toolCpu, ok, "login");
        boolean pass = done.ok() && ok == n;
        report.result(pass);
        return pass ? BenchExit.OK : BenchExit.FAILED;
    }
}
