package chat.bench;

/**
 * Latency histogram in microseconds with log-linear buckets: exact below 128 µs, then 64 buckets per power
 * of two (about 1.6% resolution). Not thread-safe: each reactor keeps its own and they are merged at the end.
 */
final class Histogram {
    private static final int LINEAR = 128;
    private static final int SUB_BITS = 6;
    private static final int SUB = 1 << SUB_BITS;
    private static final int MAX_EXP = 42;

    private final long[] counts = new long[LINEAR + (MAX_EXP - 6) * SUB];
    private long total;
    private long max;

    void record(long micros) {
        long v = Math.max(0, micros);
        counts[index(v)]++;
        total++;
        if (v > max) {
            max = v;
        }
    }

    void add(Histogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    long count() {
        return total;
    }

    long max() {
        return max;
    }

    /** The smallest recorded bucket value at or above the given fraction of all values; 0 when empty. */
    long percentile(double fraction) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(upperBound(i), max);
            }
        }
        return max;
    }

    private static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int exp = Math.min(63 - Long.numberOfLeadingZeros(v), MAX_EXP);
        int sub = (int) ((v >>> (exp - SUB_BITS)) & (SUB - 1));
        return LINEAR + (exp - 7) * SUB + sub;
    }

    private static long upperBound(int index) {
        if (index < LINEAR) {
            return index;
        }
        int exp = (index - LINEAR) / SUB + 7;
        int sub = (index - LINEAR) % SUB;
        return ((long) (SUB + sub + 1) << (exp - SUB_BITS)) - 1;
    }
}
