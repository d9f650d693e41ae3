package chat.server.storage;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Chat message ids ({@code mid}), assigned in memory so a chat can be forwarded before the database has seen
 * it. An id is {@code (milliseconds since 2025-01-01 UTC) << 12 | slot << 7 | sequence}:
 * <ul>
 *   <li>it grows with time on every node, so "every chat after mid X" means the same on every node, which is
 *       what delivery by cursor and sync rest on;</li>
 *   <li>the slot (0-31) keeps the ids of nodes running at once apart: 0 for a node alone, one leased per node
 *       in a cluster;</li>
 *   <li>up to 128 ids per millisecond per node; a burst beyond borrows from the next millisecond;</li>
 *   <li>it stays below 2^53 until 2094, so a JavaScript client reads it exactly.</li>
 * </ul>
 * Ids from before this scheme (small auto-increment numbers) are all smaller than any id it makes.
 */
public final class MessageIds {
    /** 2025-01-01T00:00:00Z. */
    public static final long EPOCH_MILLIS = 1_735_689_600_000L;
    static final int SLOT_BITS = 5;
    static final int SEQUENCE_BITS = 7;
    private static final int LOW_BITS = SLOT_BITS + SEQUENCE_BITS;
    private static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;
    public static final int MAX_SLOT = (1 << SLOT_BITS) - 1;

    private final Clock clock;
    private final IntSupplier slot;
    /** {@code millis << SEQUENCE_BITS | sequence} of the last id handed out. */
    private final AtomicLong last;

    /**
     * @param slot  this node's slot, read for every id (a cluster node may have to change it)
     * @param floor the largest id already stored; every id handed out is larger, even if the clock went back
     */
    public MessageIds(Clock clock, IntSupplier slot, long floor) {
        this.clock = clock;
        this.slot = slot;
        this.last = new AtomicLong((floor >>> LOW_BITS) << SEQUENCE_BITS | MAX_SEQUENCE);
    }

    public long next() {
        long now = clock.millis() - EPOCH_MILLIS;
        long state = last.updateAndGet(previous -> {
            long millis = previous >>> SEQUENCE_BITS;
            long sequence = previous & MAX_SEQUENCE;
            if (now > millis) {
                return now << SEQUENCE_BITS;
            }
            return sequence < MAX_SEQUENCE ? previous + 1 : (millis + 1) << SEQUENCE_BITS;
        });
        long millis = state >>> SEQUENCE_BITS;
        return millis << LOW_BITS | (long) slot.getAsInt() << SEQUENCE_BITS | (state & MAX_SEQUENCE);
    }

    /** A position with every id this generator handed out, and every id any node gives now, behind it. */
    public long lastPosition() {
        return positionAt(clock.millis() + 1);
    }

    /** The smallest id a chat assigned at {@code epochMillis} can have. */
    public static long firstAt(long epochMillis) {
        return Math.max(0, epochMillis - EPOCH_MILLIS) << LOW_BITS;
    }

    /**
     * The position (see DeliveryCursorDao) with every chat assigned before {@code epochMillis} at or behind it and
     * every chat assigned from then on after it.
     */
    public static long positionAt(long epochMillis) {
        return firstAt(epochMillis) - 1;
    }

    /** The slot of the node that gave this id. */
    public static int slotOf(long mid) {
        return (int) (mid >>> SEQUENCE_BITS) & MAX_SLOT;
    }

    /** When the chat with this id was assigned, in epoch milliseconds (meaningless for pre-scheme ids). */
    public static long millisOf(long mid) {
        return (mid >>> LOW_BITS) + EPOCH_MILLIS;
    }
}
