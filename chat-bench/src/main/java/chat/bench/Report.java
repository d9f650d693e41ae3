package chat.bench;

import java.io.PrintWriter;
import java.util.Locale;

/** Writes a run's results as {@code key: value} lines, one fact per line, easy to read and to grep. */
final class Report {
    private final PrintWriter out;

    Report(PrintWriter out) {
        this.out = out;
    }

    void line(String key, Object value) {
        out.printf(Locale.ROOT, "%-24s %s%n", key + ":", value);
        out.flush();
    }

    void note(String format, Object... args) {
        out.printf(Locale.ROOT, format + "%n", args);
        out.flush();
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    void latency(String key, Histogram h) {
        line(key, "p50=" + h.percentile(0.50) + " p90=" + h.percentile(0.90) + " p99=" + h.percentile(0.99)
                + " p999=" + h.percentile(0.999) + " max=" + h.max() + " (n=" + h.count() + ")");
    }

    /** CPU used between two samples, and per unit of work when there was any. */
    void cpu(String who, long cpuNanos, long units, String unit) {
        if (cpuNanos < 0) {
            line(who + "_cpu", "unknown");
            return;
        }
        line(who + "_cpu_s", fixed(cpuNanos / 1e9, 2));
        if (units > 0) {
            line(who + "_cpu_us_per_" + unit, fixed(cpuNanos / 1e3 / units, 2));
        }
    }

    void rss(String who, ProcStats.Sample before, ProcStats.Sample after) {
        if (before.known() && after.known()) {
            line(who + "_rss_mb", fixed(before.rssKb() / 1024.0, 1) + " -> " + fixed(after.rssKb() / 1024.0, 1));
        }
    }

    void errors(Tally t) {
        line("errors", t.errors);
        line("disconnects", t.disconnects);
        for (String sample : t.errorSamples) {
            line("error_sample", sample);
        }
    }

    void result(boolean pass) {
        line("result", pass ? "PASS" : "FAIL");
    }
}
