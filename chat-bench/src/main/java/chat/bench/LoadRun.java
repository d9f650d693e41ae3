package chat.bench;

import chat.core.Codec;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code chat} and {@code group}: users in pairs (or groups) send chats at the offered total rate; each chat
 * carries its scheduled send time, so latency includes any time the tool or the server fell behind.
 */
final class LoadRun {
    private static final int WARMUP_PHASE = 1;
    private static final int MEASURED_PHASE = 2;

    private final BenchConfig config;
    private final Report report;
    private final PrintWriter log;
    private final Codec codec = new Codec();

    LoadRun(BenchConfig config, PrintWriter out) {
        this.config = config;
        this.report = new Report(out);
        this.log = out;
    }

    BenchExit run() throws Exception {
        Users users = Users.prepare(config, codec, log);
        long start = System.nanoTime();
        Setup.Outcome<LineChannel> sessions = Sessions.loginAll(config, users, codec, 0, config.users());
        List<LineChannel> channels = sessions.results();
        if (!sessions.ok()) {
            Sessions.closeAll(channels);
            report.line("setup_failed", sessions.failures() + " logins: " + sessions.reasons());
            return BenchExit.SETUP;
        }
        report.note("logged in %d users in %.1f s (%d with resume tokens)", config.users(),
                (System.nanoTime() - start) / 1e9, users.resumedLogins());
        users.save();
        int[] groups;
        try {
            groups = config.mode() == BenchConfig.Mode.group ? Sessions.groups(config, channels, codec) : null;
        } catch (Exception e) {
            Sessions.closeAll(channels);
            report.line("setup_failed", e.getMessage());
            return BenchExit.SETUP;
        }
        try (Fleet fleet = new Fleet(config.threads(), config.padding())) {
            for (int i = 0; i < channels.size(); i++) {
                fleet.adopt(conn(i, users, groups, channels.get(i)));
            }
            if (config.warmupSeconds() > 0) {
                Fleet.Phase warm = fleet.run(WARMUP_PHASE, config.rate(), config.warmupSeconds(), config.drainSeconds());
                report.note("warmup: sent %d, received %d of %d", warm.tally().sent.get(),
                        warm.tally().received.get(), warm.tally().expected.get());
            }
            ProcStats servers = new ProcStats(config.serverPids());
            ProcStats.Sample before = servers.sample();
            long toolBefore = ProcStats.selfCpuNanos();
            Fleet.Phase phase = fleet.run(MEASURED_PHASE, config.rate(), config.durationSeconds(), config.drainSeconds());
            long toolCpu = ProcStats.selfCpuNanos() - toolBefore;
            ProcStats.Sample after = servers.sample();
            return summarize(phase, before, after, toolCpu);
        }
    }

    private Conn conn(int i, Users users, int[] groups, LineChannel ch) {
        if (groups == null) {
            int partner = i ^ 1;
            boolean paired = partner < config.users();
            return new Conn(i, users.id(i), ch.channel(), paired ? Wire.oneChatPrefix(users.id(partner)) : null,
                    1, i & ~1, 2, ch.leftover());
        }
        int size = config.groupSize();
        int base = i / size * size;
        int members = Math.min(size, config.users() - base);
        return new Conn(i, users.id(i), ch.channel(), members > 1 ? Wire.groupChatPrefix(groups[i / size]) : null,
                members - 1, base, members, ch.leftover());
    }

    private BenchExit summarize(Fleet.Phase phase, ProcStats.Sample before, ProcStats.Sample after, long toolCpu) {
        Tally t = phase.tally();
        long sent = t.sent.get();
        long expected = t.expected.get();
        long received = t.received.get();
        long lost = expected - received;
        report.line("mode", config.mode() + " targets=" + config.targets() + " users=" + config.users()
                + (config.mode() == BenchConfig.Mode.group ? " group_size=" + config.groupSize() : "")
                + " threads=" + config.threads());
        report.line("offered", Report.fixed(config.rate(), 0) + " msg/s for " + config.durationSeconds() + " s"
                + " (warmup " + config.warmupSeconds() + " s)");
        report.line("sent", sent);
        report.line("expected", expected);
        report.line("received", received);
        report.line("lost", lost);
        report.line("duplicates", t.duplicates);
        report.line("stale", t.stale);
        report.errors(t);
        report.line("send_s", Report.fixed((phase.sendEndNanos() - phase.startNanos()) / 1e9, 2));
        report.line("send_lag_max_us", t.maxLagMicros);
        report.line("delivered_per_s", Report.fixed(received / phase.seconds(), 0));
        report.latency("latency_us", t.latency);
        if (before.known() && after.known()) {
            report.cpu("server", after.cpuNanos() - before.cpuNanos(), received, "msg");
            report.rss("server", before, after);
        }
        report.cpu("tool", toolCpu, received, "msg");
        report.line("tool_cpu_us_per_sent", Report.fixed(toolCpu / 1e3 / Math.max(1, sent), 2));
        boolean pass = lost == 0 && t.duplicates == 0 && t.errors == 0 && sent > 0;
        report.result(pass);
        return pass ? BenchExit.OK : BenchExit.FAILED;
    }
}
