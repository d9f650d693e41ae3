package chat.server.testkit;

import chat.core.ChatCursor;
import chat.core.Contacts.HistoryEntry;
import chat.core.Message;
import chat.core.Message.LoginAck;
import chat.core.Message.OneChat;
import chat.core.Message.Received;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One user of our client, without its terminal, for tests that break the cluster under it. It keeps the rules of
 * chat-client (AccountActions, CatchUp, Syncer, chat-core's ChatCursor, PositionReporter), which are what the server's
 * delivery guarantee is promised to:
 * <ul>
 *   <li>logs in with {@code seq}, keeps the resume token and logs back in with it on any drop, retrying
 *       "already online" while a dead node's presence lives on ({@link LoginLoop});</li>
 *   <li>after every login syncs from 10 s before its position, or from the login ack's {@code cursor} if that is
 *       earlier, or without {@code after} the very first time, paging to the end ({@link Syncer}); and once more
 *       {@link #FOLLOW_UP} later;</li>
 *   <li>takes chats live and from syncs alike, dropping duplicates by {@code mid} ({@link ChatCursor}, the
 *   client's own, remembering every mid so that a test catches every repeat);</li>
 *   <li>reports its position (msgid 26) every {@link #REPORT_EVERY} once a sync has read to the end.</li>
 * </ul>
 * It does not ping: a test ends long before a silent connection would be closed.
 */
public final class SyncingClient implements AutoCloseable {
    public static final Duration FOLLOW_UP = Duration.ofSeconds(6);
    public static final Duration REPORT_EVERY = Duration.ofSeconds(2);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    /** A chat that reached this client, the first time it came. */
    public record Delivered(long mid, int from, String text) {
    }

    /** Something that happened to the connection, for telling what went wrong when. */
    public record Event(long atMillis, String what) {
    }

    private final int userId;
    private final ChatCursor position = new ChatCursor(Long.MAX_VALUE);
    private final Queue<Delivered> delivered = new ConcurrentLinkedQueue<>();
    private final Queue<Event> events = new ConcurrentLinkedQueue<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final Syncer syncer = new Syncer(position, this::take, ANSWER_TIMEOUT);
    private final LoginLoop loginLoop;
    /** The login loop, and the reader of each connection. */
    private final ExecutorService threads;
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("syncing-client-reporter").factory());
    private volatile int followedUp;

    private SyncingClient(int userId, String password, List<Integer> ports) {
        this.userId = userId;
        this.threads = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("syncing-client-" + userId + "-", 0).factory());
        this.loginLoop = new LoginLoop(userId, password, ports, new Listener(), this::catchUpUntilDropped,
                this::event, threads);
    }

    /** Starts logging {@code userId} in on the first of {@code ports}, and keeps them logged in until closed. */
    public static SyncingClient start(int userId, String password, List<Integer> ports) {
        SyncingClient client = new SyncingClient(userId, password, ports);
        client.threads.execute(client.loginLoop);
        client.reporter.scheduleWithFixedDelay(client::report, REPORT_EVERY.toMillis(), REPORT_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return client;
    }

    public int userId() {
        return userId;
    }

    public boolean loggedIn() {
        return loginLoop.current() != null;
    }

    /** The port of the node this client is logged in on, or 0. */
    public int port() {
        SyncLink link = loginLoop.current();
        return link == null ? 0 : link.port();
    }

    /** Sends a one-to-one chat; completes with what became of it. */
    public CompletableFuture<ChatOutcome> chat(int toid, String text) {
        SyncLink link = loginLoop.current();
        if (link == null) {
            return CompletableFuture.completedFuture(new ChatOutcome.Lost("not logged in"));
        }
        return link.request(seq -> new OneChat(seq, userId, null, toid, text, null, null)).handle(ChatOutcome::of);
    }

    /** True once logged in and the current login's follow-up sync has run, within {@code limit}. */
    public boolean awaitCaughtUp(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!loggedInOnALiveLink() || followedUp != loginLoop.logins()) {
            if (System.nanoTime() > deadline || loginLoop.failure() != null) {
                return false;
            }
            RedisServer.sleep(50);
        }
        return true;
    }

    private boolean loggedInOnALiveLink() {
        SyncLink link = loginLoop.current();
        return link != null && link.isOpen();
    }

    /** One more sync by the client's rules, as it would run any time; true when it read to the end. */
    public boolean syncNow() {
        SyncLink link = loginLoop.current();
        if (link == null) {
            return false;
        }
        position.beginSync(null);
        return sync(link);
    }

    /** Every chat that reached this client, each once, in the order they came. */
    public List<Delivered> delivered() {
        return List.copyOf(delivered);
    }

    /** How many chats came again (live and in a sync, or in two syncs) and were dropped by their mid. */
    public int duplicatesDropped() {
        return duplicates.get();
    }

    public int logins() {
        return loginLoop.logins();
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** Why this client gave up logging in, or null. */
    public String failure() {
        return loginLoop.failure();
    }

    @Override
    public void close() throws InterruptedException {
        reporter.shutdownNow();
        loginLoop.stop();
        threads.shutdownNow();
        if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("user " + userId + "'s client threads did not stop");
        }
    }

    /** The first sync began as the ack was read (see {@link Listener#answered}); the follow-up comes later. */
    private void catchUpUntilDropped(SyncLink link) throws InterruptedException {
        int login = loginLoop.logins();
        sync(link);
        try {
            link.closed().get(FOLLOW_UP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillUp) {
            position.beginSync(null);
            sync(link);
            followedUp = login;
        } catch (ExecutionException e) {
            throw new IllegalStateException("closed() never fails", e);
        }
        link.closed().join();
    }

    private boolean sync(SyncLink link) {
        Syncer.Run run = syncer.run(link);
        if (!run.toTheEnd()) {
            event("a sync after " + run.after() + " ended early");
        }
        return run.toTheEnd();
    }

    private void take(HistoryEntry chat) {
        take(chat.mid(), chat.id(), chat.msg());
    }

    private void take(long mid, int from, String text) {
        if (position.firstSeen(mid)) {
            delivered.add(new Delivered(mid, from, text));
        } else {
            duplicates.incrementAndGet();
        }
    }

    private void report() {
        SyncLink link = loginLoop.current();
        if (link != null) {
            position.unreported().ifPresent(mid -> {
                if (link.send(new Received(null, mid))) {
                    position.reported(mid);
                }
            });
        }
    }

    private void event(String what) {
        events.add(new Event(System.currentTimeMillis(), what));
    }

    private final class Listener implements SyncLink.Listener {
        /** A login accepted: the sync after it begins now, before any chat pushed after the ack is read. */
        @Override
        public void answered(Message answer) {
            if (answer instanceof LoginAck ack && ack.errno() == 0) {
                position.beginSync(ack.cursor());
            }
        }

        @Override
        public void pushed(Message message) {
            if (message instanceof OneChat chat) {
                if (chat.mid() == null || chat.id() == null) {
                    event("a chat without mid or sender: " + chat);
                } else {
                    take(chat.mid(), chat.id(), chat.msg());
                }
            }
        }
    }
}
