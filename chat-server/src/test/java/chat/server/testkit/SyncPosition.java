package chat.server.testkit;

import java.time.Duration;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * How far one user's chats have reached a {@link SyncingClient}, by the rules of our client's ChatCursor: the
 * highest mid received (the position), the mids seen, where the next sync starts, and when the position may be
 * reported. The client forgets mids more than a minute behind the position; a test is shorter, so this keeps
 * them all and every duplicate is caught.
 */
final class SyncPosition {
    /** {@code mid >> 12} is milliseconds since 2025-01-01T00:00:00Z. */
    private static final int MILLIS_SHIFT = 12;
    private static final long NONE = Long.MIN_VALUE;

    private final ReentrantLock lock = new ReentrantLock();
    private final Set<Long> seen = new HashSet<>();
    private long position = NONE;
    private long reported = NONE;
    private int syncsUnderWay;
    private boolean readToEnd;
    /** Where the last sync started, when it did not read to the end; null is the server's record. */
    private Long resumeAfter;
    /** The cursor of the last login ack, until a sync has read to the end. */
    private Long serverPosition;

    /** A duration in mid units. */
    static long span(Duration duration) {
        return duration.toMillis() << MILLIS_SHIFT;
    }

    /** True the first time {@code mid} is seen. */
    boolean firstSeen(long mid) {
        return locked(() -> {
            if (!seen.add(mid)) {
                return false;
            }
            position = Math.max(position, mid);
            return true;
        });
    }

    /**
     * A sync is coming (called as a login ack is read, before any chat after it): nothing is reported until it
     * ends, and then the position is reported again, since the last report may have gone with a connection.
     */
    void beginSync(Long serverPosition) {
        locked(() -> {
            syncsUnderWay++;
            reported = NONE;
            if (serverPosition != null) {
                this.serverPosition = serverPosition;
            }
            return null;
        });
    }

    /**
     * Where the next sync starts: {@code rewind} before the position; where the last one started if it did not
     * read to the end; the server's record (null) before anything was seen. Never after the last login's cursor
     * until a sync has read to the end.
     */
    Long syncFrom(long rewind) {
        return locked(() -> {
            Long from = !readToEnd ? resumeAfter : position == NONE ? null : Math.max(0, position - rewind);
            if (from != null && serverPosition != null && serverPosition < from) {
                from = serverPosition;
            }
            return from;
        });
    }

    void endSync(Long after, boolean toTheEnd) {
        locked(() -> {
            syncsUnderWay--;
            readToEnd = toTheEnd;
            resumeAfter = after;
            if (toTheEnd) {
                serverPosition = null;
            }
            return null;
        });
    }

    /** The position, when no sync is under way, the last one read to the end, and it moved since reported. */
    OptionalLong unreported() {
        return locked(() -> readToEnd && syncsUnderWay == 0 && position > reported
                ? OptionalLong.of(position) : OptionalLong.empty());
    }

    void reported(long mid) {
        locked(() -> reported = Math.max(reported, mid));
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
