package chat.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one reactor counted in one phase. The atomics are polled by the controller while the phase runs;
 * the rest is read only after the reactor hands the tally over (see {@link Reactor#finish}).
 */
final class Tally {
    static final int MAX_SAMPLES = 5;

    final int phase;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong expected = new AtomicLong();
    final AtomicLong received = new AtomicLong();
    final AtomicLong pongs = new AtomicLong();
    final Histogram latency = new Histogram();
    final List<String> errorSamples = new ArrayList<>();
    long duplicates;
    long stale;
    long acks;
    long errors;
    long disconnects;
    long other;
    long maxLagMicros;
    long lastDeliveryNanos;

    Tally(int phase) {
        this.phase = phase;
    }

    void error(String what) {
        errors++;
        if (errorSamples.size() < MAX_SAMPLES) {
            errorSamples.add(what);
        }
    }

    /** Adds {@code other} into this one; both must be handed over already. */
    void add(Tally o) {
        sent.addAndGet(o.sent.get());
        expected.addAndGet(o.expected.get());
        received.addAndGet(o.received.get());
        pongs.addAndGet(o.pongs.get());
        latency.add(o.latency);
        for (String s : o.errorSamples) {
            if (errorSamples.size() < MAX_SAMPLES) {
                errorSamples.add(s);
            }
        }
        duplicates += o.duplicates;
        stale += o.stale;
        acks += o.acks;
        errors += o.errors;
        disconnects += o.disconnects;
        other += o.other;
        maxLagMicros = Math.max(maxLagMicros, o.maxLagMicros);
        lastDeliveryNanos = Math.max(lastDeliveryNanos, o.lastDeliveryNanos);
    }
}
