package chat.core;

import java.time.Duration;
import java.util.NavigableSet;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * How far one user's chats have reached this client, so that each is shown once although it may come live, in a
 * sync page, or both: the highest mid received (the position) and the mids seen lately. Mids grow with time, but
 * chats from several server nodes arrive slightly out of order, so a mid below the position may still be new.
 *
 * <p>Only mids within {@code window} of the position are remembered; an older one counts as seen. Forgetting,
 * and telling the server the position, wait until a sync has read to the end and none is under way: until then
 * a sync may still bring chats older than anything live, and the position may lie beyond chats not yet fetched.
 *
 * <p>These are our client's delivery rules (docs/PROTOCOL.md, "Delivery"); they live in chat-core so that the
 * server's tests play a client by the very same rules. A window of {@link Long#MAX_VALUE} remembers every mid.
 */
public final class ChatCursor {
    /** {@code mid >> 12} is milliseconds since 2025-01-01T00:00:00Z. */
    private static final int MILLIS_SHIFT = 12;
    private static final long NONE = Long.MIN_VALUE;

    private final long window;
    private final ReentrantLock lock = new ReentrantLock();
    private final NavigableSet<Long> seen = new TreeSet<>();
    private long position = NONE;
    /** Every mid at or below it counts as seen. */
    private long floor = NONE;
    private long reported = NONE;
    private int syncsUnderWay;
    private boolean readToEnd;
    /** Where the sync that did not read to the end started; null is the server's record of the position. */
    private Long resumeAfter;
    /**
     * The server's record of the position, from the last login ack, until a sync from there has read to the end:
     * a chat it knows missed this client is after it, however old.
     */
    private Long serverPosition;

    /** {@code window} in mid units (see {@link #span}). */
    public ChatCursor(long window) {
        this.window = window;
    }

    /** A duration in mid units. */
    public static long span(Duration duration) {
        return duration.toMillis() << MILLIS_SHIFT;
    }

    /** True the first time a chat is seen; a message without a mid cannot be told apart, so it always is. */
    public boolean firstSeen(Message chat) {
        Long mid = switch (chat) {
            case Message.OneChat one -> one.mid();
            case Message.GroupChat group -> group.mid();
            default -> null;
        };
        return mid == null || firstSeen(mid);
    }

    public boolean firstSeen(long mid) {
        return locked(() -> {
            if (mid <= floor || !seen.add(mid)) {
                return false;
            }
            position = Math.max(position, mid);
            forgetOld();
            return true;
        });
    }

    public OptionalLong position() {
        return locked(() -> position == NONE ? OptionalLong.empty() : OptionalLong.of(position));
    }

    /** How many mids are remembered. */
    public int remembered() {
        return locked(seen::size);
    }

    /**
     * A sync is coming: nothing is forgotten or reported until it ends. Afterwards the position is reported
     * again, since the last report may have been lost with a connection. {@code serverPosition}, when a login
     * just gave it, is where the server's record stands.
     */
    public void beginSync(Long serverPosition) {
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
     * Where the next sync starts: {@code rewind} before the position, for chats that were still on their way
     * when later ones arrived; where the last sync started if it did not read to the end; or null (the server's
     * record) before any sync has. Never later than the server's record from the last login, and chats from
     * there on count as new even if older than the mids remembered: the server knows one of them missed us.
     */
    public Long syncFrom(long rewind) {
        return locked(() -> {
            Long from = !readToEnd ? resumeAfter : position == NONE ? null : Math.max(0, position - rewind);
            if (from != null && serverPosition != null && serverPosition < from) {
                from = serverPosition;
            }
            if (from != null && from < floor) {
                floor = from;
            }
            return from;
        });
    }

    /** The sync begun with {@link #beginSync} that started at {@code after} has ended. */
    public void endSync(Long after, boolean toTheEnd) {
        locked(() -> {
            syncsUnderWay--;
            readToEnd = toTheEnd;
            resumeAfter = after;
            if (toTheEnd) {
                serverPosition = null;
            }
            forgetOld();
            return null;
        });
    }

    /** The position, when it may be reported and has moved since it last was. */
    public OptionalLong unreported() {
        return locked(() -> settled() && position > reported ? OptionalLong.of(position) : OptionalLong.empty());
    }

    public void reported(long mid) {
        locked(() -> reported = Math.max(reported, mid));
    }

    private void forgetOld() {
        if (settled() && position != NONE && position - window > floor) {
            floor = position - window;
            seen.headSet(floor, true).clear();
        }
    }

    private boolean settled() {
        return readToEnd && syncsUnderWay == 0;
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
