package chat.bench;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Everything a bench run was asked for, resolved and checked by {@link BenchCommand}. */
record BenchConfig(Mode mode, List<Endpoint> targets, List<InetAddress> sources, int users, double rate,
                   double durationSeconds, double warmupSeconds, int groupSize, List<Long> serverPids,
                   String prefix, String password, Path userFile, int threads, int concurrency, int padding,
                   double drainSeconds, int checkpoints, Duration setupTimeout, Duration answerTimeout,
                   boolean withPassword, boolean resume) {

    enum Mode { chat, group, idle, login }

    BenchConfig {
        targets = List.copyOf(targets);
        sources = List.copyOf(sources);
        serverPids = List.copyOf(serverPids);
    }

    /** Users are spread over the targets round-robin: user i talks to target i mod T. */
    Endpoint target(int user) {
        return targets.get(user % targets.size());
    }

    /** The local address user i binds to, or null to let the kernel choose. */
    InetAddress source(int user) {
        return sources.isEmpty() ? null : sources.get(user % sources.size());
    }
}
