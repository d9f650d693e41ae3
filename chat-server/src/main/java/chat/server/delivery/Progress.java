package chat.server.delivery;

import chat.server.storage.MessageIds;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How far one session of a client that does not sync (the original client) has received its chats, as this
 * node sees its connection write them, and so where its cursor may safely be stored. Updated by the writer
 * thread and the session's thread, read by the flusher: every field is atomic or volatile.
 */
final class Progress {
    final int userId;
    final Outbox outbox;
    /** The cursor when the session began. */
    final long from;
    /** The position when the session began: what is after it arrives live. */
    final long loginMid;
    /**
     * Chats above this and up to {@link #loginMid} may have been stored only after the login read them, so the
     * follow-up reads them again once {@link #settledThrough} has passed {@link #loginMid}; until it has, the
     * stored cursor stays at or below this.
     */
    final long settleFloor;
    /** The position up to which every chat that may be for this user is stored or has failed. */
    final LongSupplier settledThrough;
    private final AtomicLong maxWritten;
    private final AtomicLong minUnwritten = new AtomicLong(Long.MAX_VALUE);
    /** While the catch-up runs: the last chat it queued. The cursor stays at or below it until it is done. */
    private final AtomicLong caughtUpTo;
    private volatile boolean catchingUp = true;
    private volatile boolean settling = true;
    /**
     * Chats queued by the catch-up or written between {@link #settleFloor} and {@link #loginMid}, so the
     * follow-up sends only the rest.
     */
    private final Set<Long> writtenWhileSettling = ConcurrentHashMap.newKeySet();
    /** The cursor in the database as this node last wrote or read it. */
    volatile long stored;

    Progress(int userId, Outbox outbox, long from, long loginMid, long settleFloor, LongSupplier settledThrough) {
        this.userId = userId;
        this.outbox = outbox;
        this.from = from;
        this.loginMid = loginMid;
        this.settleFloor = settleFloor;
        this.settledThrough = settledThrough;
        this.maxWritten = new AtomicLong(from);
        this.caughtUpTo = new AtomicLong(from);
        this.stored = from;
    }

    void written(long mid) {
        maxWritten.accumulateAndGet(mid, Math::max);
        if (settling && mid > settleFloor && mid <= loginMid) {
            writtenWhileSettling.add(mid);
        }
    }

    void unwritten(long mid) {
        minUnwritten.accumulateAndGet(mid, Math::min);
    }

    void queuedInCatchUp(long mid) {
        caughtUpTo.set(mid);
        if (settling && mid > settleFloor && mid <= loginMid) {
            writtenWhileSettling.add(mid);
        }
    }

    /** True when the catch-up is still running and has not yet queued {@code mid}: it will read it later. */
    boolean catchUpWillSend(long mid) {
        return catchingUp && mid > caughtUpTo.get();
    }

    void caughtUp() {
        catchingUp = false;
    }

    boolean hadWhileSettling(long mid) {
        return writtenWhileSettling.contains(mid);
    }

    /** True while the follow-up has yet to run; it can run once {@link #canSettle}. */
    boolean settling() {
        return settling;
    }

    boolean canSettle() {
        return settledThrough.getAsLong() >= loginMid;
    }

    void settled() {
        settling = false;
        writtenWhileSettling.clear();
    }

    /**
     * Where the cursor may be stored now: after what was written, but before anything that was not, anything
     * the catch-up or the follow-up has yet to send, and anything still on its way (a chat assigned less than
     * {@code inFlightMillis} ago may yet arrive behind one written already).
     */
    long safePosition(long nowMillis, long inFlightMillis) {
        long position = Math.min(maxWritten.get(), MessageIds.positionAt(nowMillis - inFlightMillis));
        long unwritten = minUnwritten.get();
        if (unwritten != Long.MAX_VALUE) {
            position = Math.min(position, unwritten - 1);
        }
        if (catchingUp) {
            position = Math.min(position, caughtUpTo.get());
        }
        if (settling) {
            position = Math.min(position, settleFloor);
        }
        return position;
    }
}
