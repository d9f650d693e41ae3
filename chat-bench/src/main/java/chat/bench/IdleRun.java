package chat.bench;

import chat.core.Codec;
import java.io.PrintWriter;

/**
 * {@code idle}: logs in N users, each on its own connection, and holds them; reports the server's resident
 * memory at checkpoints and per connection, then pings every connection to prove they are all still alive.
 */
final class IdleRun {
    private static final int PING_PHASE = 3;
    private static final long KEEP_ALIVE_MILLIS = 30_000;

    private final BenchConfig config;
    private final Report report;
    private final PrintWriter log;
    private final Codec codec = new Codec();

    IdleRun(BenchConfig config, PrintWriter out) {
        this.config = config;
        this.report = new Report(out);
        this.log = out;
    }

    BenchExit run() throws Exception {
        Users users = Users.prepare(config, codec, log);
        ProcStats servers = new ProcStats(config.serverPids());
        ProcStats.Sample baseline = servers.sample();
        int n = config.users();
        int step = Math.max(1, (n + config.checkpoints() - 1) / config.checkpoints());
        int held = 0;
        int failed = 0;
        long start = System.nanoTime();
        try (Fleet fleet = new Fleet(config.threads(), 0)) {
            for (int from = 0; from < n; from += step) {
                int to = Math.min(n, from + step);
                Setup.Outcome<LineChannel> batch = Sessions.loginAll(config, users, codec, from, to);
                for (int k = 0; k < batch.results().size(); k++) {
                    LineChannel ch = batch.results().get(k);
                    if (ch != null) {
                        fleet.adopt(new Conn(from + k, users.id(from + k), ch.channel(), null, 0, from + k, 1,
                                ch.leftover()));
                        held++;
                    }
                }
                failed += batch.failures();
                batch.reasons().forEach(r -> report.line("error_sample", r));
                checkpoint(held, baseline, servers.sample(), start);
            }
            users.save();
            holdWithPings(fleet, held);
            Tally pings = fleet.ping(PING_PHASE, held, config.drainSeconds());
            ProcStats.Sample end = servers.sample();
            return summarize(held, failed, pings, baseline, end);
        }
    }

    /**
     * Holds the connections for the run's duration, pinging each every 30 s as our client does: the server takes
     * a client that logged in with seq and then stays silent much longer for gone.
     */
    private void holdWithPings(Fleet fleet, int held) throws Exception {
        long end = System.nanoTime() + (long) (config.durationSeconds() * 1e9);
        for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
            Thread.sleep(Math.min(KEEP_ALIVE_MILLIS, left / 1_000_000 + 1));
            if (end - System.nanoTime() > 0) {
                fleet.ping(PING_PHASE, held, config.drainSeconds());
            }
        }
    }

    private void checkpoint(int held, ProcStats.Sample baseline, ProcStats.Sample now, long start) {
        String memory = now.known() && baseline.known()
                ? " server_rss_mb=" + Report.fixed(now.rssKb() / 1024.0, 1)
                  + " kb_per_conn=" + Report.fixed((now.rssKb() - baseline.rssKb()) / (double) held, 2)
                : "";
        report.line("checkpoint", "connections=" + held + memory
                + " elapsed_s=" + Report.fixed((System.nanoTime() - start) / 1e9, 1));
    }

    private BenchExit summarize(int held, int failed, Tally pings, ProcStats.Sample baseline, ProcStats.Sample end) {
        report.line("mode", "idle targets=" + config.targets() + " users=" + config.users()
                + " sources=" + config.sources().size());
        report.line("connections", held);
        report.line("setup_failures", failed);
        report.line("pongs", pings.pongs.get() + " of " + held);
        report.errors(pings);
        if (baseline.known() && end.known()) {
            report.rss("server", baseline, end);
            report.line("server_kb_per_conn", Report.fixed((end.rssKb() - baseline.rssKb()) / (double) held, 2));
        }
        boolean pass = failed == 0 && pings.pongs.get() == held && pings.errors == 0;
        report.result(pass);
        return pass ? BenchExit.OK : BenchExit.FAILED;
    }
}
