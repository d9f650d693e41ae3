package chat.server.delivery;

import chat.core.Codec;
import chat.server.storage.ChatMessageDao;
import chat.server.storage.ChatRow;
import chat.server.storage.DeliveryCursorDao;
import chat.server.storage.MessageIds;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What has not reached a user yet, and getting it to them. Every chat is stored with a {@code mid} that grows
 * with time, so "not yet received" is a position: each user's cursor ({@link DeliveryCursorDao}), with every
 * chat for them after it still to come. Nothing is copied aside when a chat cannot be delivered; the cursor is
 * only ever moved past what has verifiably reached the user, and moved back when a chat is known to have missed.
 *
 * <ul>
 *   <li>Clients that sync (ours) keep their own position, ask for what follows it ({@link #syncPage}) and tell
 *       the server how far they got ({@link #received}).</li>
 *   <li>Clients that do not (the original client) get what waits in their login ack and after it
 *       ({@link #follow}); from then on this node moves their cursor as their connection writes their chats
 *       ({@link Receipts}), storing it every second and when the session ends.</li>
 *   <li>Any node that could not hand a chat to any connection says so ({@link #missed}).</li>
 * </ul>
 */
public final class Mailbox implements Receipts, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Mailbox.class);
    /** A chat given its id less than this ago may still be on its way to a connection, behind a later one. */
    public static final Duration IN_FLIGHT = Duration.ofSeconds(1);
    /**
     * By this long after getting its id, a chat is stored or has failed (the store's wait bound and a batch): how
     * long a node waits for chats given ids by other nodes.
     */
    public static final Duration SETTLE = Duration.ofSeconds(5);
    /** What a login ack carries at most of waiting chats (their JSON text); the rest follow it. */
    public static final int ACK_CHATS_BUDGET = 128 * 1024;
    private static final Duration STORE_EVERY = Duration.ofSeconds(1);
    private static final int PAGE = 200;
    /** How much a catch-up lets wait unwritten before it queues more, and how long it waits for room. */
    private static final long CATCH_UP_WINDOW = 256 * 1024;
    private static final Duration CATCH_UP_STALL = Duration.ofSeconds(30);

    /** Why a chat did not reach a connection. */
    public enum Miss {
        /** No connection took it: the user is offline or just left. */
        NOBODY_TOOK_IT,
        /** The node that holds the user could not be reached. */
        UNREACHABLE
    }

    private final DeliveryCursorDao cursors;
    private final ChatMessageDao chats;
    private final Codec codec;
    private final Clock clock;
    private final ConcurrentMap<Integer, Progress> followed = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, Long> received = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chat-mailbox").daemon().factory());

    private Mailbox(DeliveryCursorDao cursors, ChatMessageDao chats, Codec codec, Clock clock) {
        this.cursors = cursors;
        this.chats = chats;
        this.codec = codec;
        this.clock = clock;
    }

    /** A mailbox that stores cursors every second until closed. */
    public static Mailbox start(DeliveryCursorDao cursors, ChatMessageDao chats, Codec codec, Clock clock) {
        Mailbox mailbox = new Mailbox(cursors, chats, codec, clock);
        mailbox.timer.scheduleWithFixedDelay(mailbox::storePositions, STORE_EVERY.toMillis(), STORE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return mailbox;
    }

    /**
     * Where the user's cursor is: every chat for them after it has not reached them. A position a client reported
     * counts at once, before it is stored.
     */
    public long cursor(int userId) {
        long stored = cursors.find(userId).orElse(0L);
        Long reported = received.get(userId);
        return reported == null ? stored : Math.max(stored, reported);
    }

    /** A page of the user's chats, oldest first, after {@code after}, or without it, after their cursor. */
    public List<ChatRow> syncPage(int userId, Long after, int limit) {
        return chats.receivedAfter(userId, after == null ? cursor(userId) : after, limit);
    }

    /** A client that syncs has received every chat up to {@code mid}; stored with the next round. */
    public void received(int userId, long mid) {
        received.merge(userId, mid, Math::max);
    }

    /**
     * Starts a session of a client that does not sync: this node moves the user's cursor as {@code outbox}
     * writes their chats, from now until {@link #unfollow}, and once every chat that raced the login is stored
     * ({@code settledThrough} has passed the login), reads again what the login could not see yet.
     */
    public Catchup follow(int userId, Outbox outbox, LongSupplier settledThrough) {
        long now = clock.millis();
        long from = cursor(userId);
        Progress progress = new Progress(userId, outbox, from, MessageIds.positionAt(now + 1),
                Math.max(from, MessageIds.positionAt(now - SETTLE.toMillis())), settledThrough);
        followed.put(userId, progress);
        return new Catchup(progress);
    }

    /** The session on {@code outbox} ended: the user's cursor is stored where it may safely be. */
    public void unfollow(int userId, Outbox outbox) {
        Progress progress = followed.get(userId);
        if (progress != null && progress.outbox == outbox && followed.remove(userId, progress)) {
            try {
                if (progress.settling() && progress.canSettle()) {
                    long unseen = settle(progress, false);
                    if (unseen == Long.MAX_VALUE) {
                        progress.settled();
                    } else {
                        progress.unwritten(unseen);
                    }
                }
                store(List.of(progress));
            } catch (RuntimeException e) {
                log.warn("could not store the delivery position of user {}: {}", userId, e.toString());
            }
        }
    }

    @Override
    public void written(int userId, long mid) {
        Progress progress = followed.get(userId);
        if (progress != null) {
            progress.written(mid);
        }
    }

    @Override
    public void unwritten(int userId, long mid) {
        missed(userId, mid, Miss.NOBODY_TOOK_IT);
    }

    /**
     * Chat {@code mid} did not reach the user. If their session is on this node, their cursor stays before it.
     * Otherwise it is moved back before it, unless the chat is so new that the cursor cannot be past it yet
     * (cursors stop {@link #IN_FLIGHT} short of the present), which spares the database a write for each chat
     * to someone offline. A node that could not reach the user's node always moves it back: that user may be
     * online and their cursor moving on.
     */
    public void missed(int userId, long mid, Miss why) {
        Progress progress = followed.get(userId);
        if (progress != null) {
            progress.unwritten(mid);
            return;
        }
        long age = clock.millis() - MessageIds.millisOf(mid);
        if (why == Miss.UNREACHABLE || age > IN_FLIGHT.toMillis()) {
            try {
                cursors.rewind(userId, mid - 1);
            } catch (RuntimeException e) {
                log.warn("could not move user {}'s delivery position back to chat {}: {}", userId, mid, e.toString());
            }
        }
    }

    /**
     * After this node could not hear the other nodes: sends a connected user the chats other nodes gave ids
     * from {@code since} on, which could not be published to this node meanwhile. Clients drop any they have.
     */
    public int resendFromOtherNodes(int userId, Outbox outbox, long since, int thisNodeSlot) {
        int sent = 0;
        long after = MessageIds.positionAt(since - IN_FLIGHT.toMillis());
        List<ChatRow> rows;
        do {
            rows = chats.receivedAfter(userId, after, PAGE);
            for (ChatRow row : rows) {
                after = row.id();
                if (MessageIds.slotOf(row.id()) != thisNodeSlot) {
                    if (!outbox.deliver(userId, row.id(), codec.encodeLine(StoredChats.delivered(row)))) {
                        return sent;
                    }
                    sent++;
                }
            }
        } while (rows.size() == PAGE);
        return sent;
    }

    /** What waits for one session of a client that does not sync: some in its login ack, the rest after it. */
    public final class Catchup {
        private final Progress progress;
        private final List<Long> inAck = new ArrayList<>();
        private List<ChatRow> rest = List.of();

        private Catchup(Progress progress) {
            this.progress = progress;
        }

        /** The oldest waiting chats, as JSON texts, as many as fit {@code budgetChars} (at least one). */
        public List<String> forAck(int budgetChars) {
            List<ChatRow> page = chats.receivedAfter(progress.userId, progress.from, PAGE);
            List<String> texts = new ArrayList<>();
            int used = 0;
            for (ChatRow row : page) {
                String text = codec.encodeToString(StoredChats.delivered(row));
                if (!texts.isEmpty() && used + text.length() > budgetChars) {
                    break;
                }
                used += text.length();
                texts.add(text);
                inAck.add(row.id());
            }
            rest = page.subList(texts.size(), page.size());
            return texts;
        }

        /** The ack carrying {@link #forAck}'s chats was written. */
        public void ackWritten() {
            inAck.forEach(progress::written);
            if (!inAck.isEmpty()) {
                progress.queuedInCatchUp(inAck.getLast());
            }
        }

        /**
         * Sends what did not fit the ack, oldest first, as ordinary chats, at the pace the client reads. Returns
         * when everything that waited is queued, or the connection went away (what was not queued stays after
         * the cursor).
         */
        public void sendRest() throws InterruptedException {
            List<ChatRow> page = rest;
            long after = inAck.isEmpty() ? progress.from : inAck.getLast();
            boolean full = !rest.isEmpty() || inAck.size() == PAGE;
            while (true) {
                for (ChatRow row : page) {
                    if (!progress.outbox.deliver(progress.userId, row.id(),
                            codec.encodeLine(StoredChats.delivered(row)))) {
                        return;
                    }
                    progress.queuedInCatchUp(row.id());
                    after = row.id();
                }
                if (!full && page.size() < PAGE) {
                    break;
                }
                if (!progress.outbox.awaitRoom(CATCH_UP_WINDOW, CATCH_UP_STALL)) {
                    return;
                }
                page = chats.receivedAfter(progress.userId, after, PAGE);
                full = page.size() == PAGE;
                if (page.isEmpty()) {
                    break;
                }
            }
            progress.caughtUp();
        }
    }

    /**
     * Chats that got their id before the login but were stored only after the login read what waited, and that
     * the session has not had since: sent, when {@code send}, so that nothing racing a login is lost. Returns the
     * first such chat it did not send (all of them when not sending), or {@link Long#MAX_VALUE}.
     */
    private long settle(Progress progress, boolean send) {
        long after = progress.settleFloor;
        List<ChatRow> rows;
        do {
            rows = chats.receivedAfter(progress.userId, after, PAGE);
            for (ChatRow row : rows) {
                if (row.id() > progress.loginMid || progress.catchUpWillSend(row.id())) {
                    return Long.MAX_VALUE;
                }
                after = row.id();
                if (!progress.hadWhileSettling(row.id()) && (!send || !progress.outbox.deliver(progress.userId,
                        row.id(), codec.encodeLine(StoredChats.delivered(row))))) {
                    return row.id();
                }
            }
        } while (rows.size() == PAGE);
        return Long.MAX_VALUE;
    }

    /** Every second: the follow-ups that can run, then every position that moved. */
    private void storePositions() {
        try {
            for (Progress progress : followed.values()) {
                if (progress.settling() && progress.canSettle() && settle(progress, true) == Long.MAX_VALUE) {
                    progress.settled();
                }
            }
            storeReceived();
            store(List.copyOf(followed.values()));
        } catch (RuntimeException e) {
            log.warn("could not store delivery positions: {}", e.toString());
        }
    }

    private void storeReceived() {
        if (received.isEmpty()) {
            return;
        }
        List<Integer> users = new ArrayList<>();
        List<Long> mids = new ArrayList<>();
        for (Map.Entry<Integer, Long> entry : received.entrySet()) {
            if (received.remove(entry.getKey(), entry.getValue())) {
                users.add(entry.getKey());
                mids.add(entry.getValue());
            }
        }
        cursors.advance(users, mids);
    }

    /**
     * Moves each cursor from where this node last left it to where it may now be. If another node moved it
     * back meanwhile (a chat missed the user), the chat after that position counts as not written.
     */
    private void store(List<Progress> progresses) {
        long now = clock.millis();
        List<Progress> moving = new ArrayList<>();
        List<Long> to = new ArrayList<>();
        for (Progress progress : progresses) {
            long position = progress.safePosition(now, IN_FLIGHT.toMillis());
            if (position != progress.stored) {
                moving.add(progress);
                to.add(position);
            }
        }
        if (moving.isEmpty()) {
            return;
        }
        int[] moved = cursors.move(moving.stream().map(p -> p.userId).toList(),
                moving.stream().map(p -> p.stored).toList(), to);
        for (int i = 0; i < moving.size(); i++) {
            Progress progress = moving.get(i);
            if (moved[i] > 0) {
                progress.stored = to.get(i);
            } else {
                long actual = cursor(progress.userId);
                if (actual < to.get(i)) {
                    progress.unwritten(actual + 1);
                }
                progress.stored = actual;
            }
        }
    }

    /** Stores every position one last time, then stops. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        storePositions();
    }
}
