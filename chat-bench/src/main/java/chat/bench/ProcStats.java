package chat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time and resident memory of other processes (the servers), read from {@code /proc}. CPU comes in clock
 * ticks of 10 ms (USER_HZ = 100 on Linux), so it is meaningful over runs of seconds, not milliseconds.
 */
final class ProcStats {
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** Summed over the given processes; both -1 when any could not be read (gone, or not Linux). */
    record Sample(long cpuNanos, long rssKb) {
        static final Sample NONE = new Sample(-1, -1);

        boolean known() {
            return cpuNanos >= 0;
        }
    }

    private final List<Long> pids;

    ProcStats(List<Long> pids) {
        this.pids = List.copyOf(pids);
    }

    boolean enabled() {
        return !pids.isEmpty();
    }

    Sample sample() {
        if (pids.isEmpty()) {
            return Sample.NONE;
        }
        long cpu = 0;
        long rss = 0;
        try {
            for (long pid : pids) {
                cpu += cpuNanos(pid);
                rss += rssKb(pid);
            }
        } catch (IOException | RuntimeException e) {
            return Sample.NONE;
        }
        return new Sample(cpu, rss);
    }

    private static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name may hold spaces and parentheses; the fields after its closing one do not.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) * NANOS_PER_TICK;
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no VmRSS for pid " + pid);
    }

    /** This process's CPU time in nanoseconds, all threads. */
    static long selfCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
    }
}
