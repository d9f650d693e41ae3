package chat.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;

/** The reactors of a run, and the phases they go through together: send on schedule, drain, hand over. */
final class Fleet implements AutoCloseable {
    private static final long POLL_MILLIS = 2;
    private static final long START_DELAY_NANOS = 20_000_000L;

    /** A finished phase: its merged tally and when it started, stopped sending and ended. */
    record Phase(Tally tally, long startNanos, long sendEndNanos, long endNanos) {
        double seconds() {
            long last = tally.lastDeliveryNanos > 0 ? tally.lastDeliveryNanos : sendEndNanos;
            return Math.max(1e-9, (last - startNanos) / 1e9);
        }
    }

    private final List<Reactor> reactors = new ArrayList<>();
    private final long baseNanos = System.nanoTime();

    Fleet(int threads, int padding) throws IOException {
        for (int i = 0; i < threads; i++) {
            Reactor r = new Reactor("bench-reactor-" + i, baseNanos, padding);
            r.start();
            reactors.add(r);
        }
    }

    void adopt(Conn c) {
        reactors.get(c.index % reactors.size()).adopt(c);
    }

    /** Sends {@code rate × seconds} chats spread over the reactors, then waits up to {@code drain} s for them. */
    Phase run(int phase, double rate, double seconds, double drainSeconds)
            throws InterruptedException, ExecutionException, TimeoutException {
        long total = Math.max(0, Math.round(rate * seconds));
        int n = reactors.size();
        long start = System.nanoTime() + START_DELAY_NANOS;
        for (int r = 0; r < n; r++) {
            reactors.get(r).startPhase(phase, start, total / n + (r < total % n ? 1 : 0), 1e9 * n / rate);
        }
        long sendDeadline = start + (long) ((seconds * 3 + 30) * 1e9);
        while (sum(t -> t.sent.get(), phase) < total && System.nanoTime() < sendDeadline) {
            Thread.sleep(POLL_MILLIS);
        }
        long sendEnd = System.nanoTime();
        awaitDeliveries(phase, sendEnd + (long) (drainSeconds * 1e9));
        return new Phase(finish(phase), start, sendEnd, System.nanoTime());
    }

    /** Pings every connection and waits up to {@code graceSeconds} for {@code expected} pongs. */
    Tally ping(int phase, long expected, double graceSeconds)
            throws InterruptedException, ExecutionException, TimeoutException {
        for (Reactor r : reactors) {
            r.startPhase(phase, System.nanoTime(), 0, 1);
            r.pingAll();
        }
        long deadline = System.nanoTime() + (long) (graceSeconds * 1e9);
        while (System.nanoTime() < deadline && sum(t -> t.pongs.get(), phase) < expected) {
            Thread.sleep(POLL_MILLIS);
        }
        return finish(phase);
    }

    private void awaitDeliveries(int phase, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline
                && sum(t -> t.received.get(), phase) < sum(t -> t.expected.get(), phase)) {
            Thread.sleep(POLL_MILLIS);
        }
    }

    private Tally finish(int phase) throws InterruptedException, ExecutionException, TimeoutException {
        Tally merged = new Tally(phase);
        for (Reactor r : reactors) {
            merged.add(r.finish().get(30, TimeUnit.SECONDS));
        }
        return merged;
    }

    private long sum(ToLongFunction<Tally> field, int phase) {
        long total = 0;
        for (Reactor r : reactors) {
            Tally t = r.tally();
            total += t.phase == phase ? field.applyAsLong(t) : 0;
        }
        return total;
    }

    @Override
    public void close() throws InterruptedException {
        for (Reactor r : reactors) {
            r.stop();
        }
    }
}
