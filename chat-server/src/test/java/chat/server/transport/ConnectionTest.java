package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.delivery.Receipts;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real loopback socket pair: {@code server} is the side a {@link Connection} writes to, {@code peer} the client. */
class ConnectionTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final int WAIT_MS = 5_000;

    private ServerSocket listener;
    private Socket peer;
    private Socket server;
    private InputStream peerIn;
    private final List<Connection> connections = new ArrayList<>();
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Long, String> chatsByMid = new ConcurrentHashMap<>();
    private final AtomicLong mids = new AtomicLong();
    /** The chats the connections report written, as text. */
    private final List<String> written = new CopyOnWriteArrayList<>();
    /** The chats the connections report they could not write, as text; every chat here is for {@link #RECIPIENT}. */
    private final List<String> undelivered = new CopyOnWriteArrayList<>();
    private final Receipts receipts = new Receipts() {
        @Override
        public void written(int userId, long mid) {
            assertEquals(RECIPIENT, userId);
            written.add(chatsByMid.get(mid));
        }

        @Override
        public void unwritten(int userId, long mid) {
            assertEquals(RECIPIENT, userId);
            undelivered.add(chatsByMid.get(mid));
        }
    };
    private static final int RECIPIENT = 21;

    @BeforeEach
    void connect() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        peer = new Socket();
        peer.setReceiveBufferSize(4096);
        peer.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), WAIT_MS);
        peer.setSoTimeout(WAIT_MS);
        peerIn = new BufferedInputStream(peer.getInputStream());
        server = listener.accept();
        server.setSendBufferSize(4096);
        server.setTcpNoDelay(true);
    }

    @AfterEach
    void close() throws IOException {
        connections.forEach(Connection::close);
        writers.close();
        peer.close();
        server.close();
        listener.close();
    }

    @Test
    void linesAreWrittenInTheOrderOffered() {
        Connection connection = open(1 << 20);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String line = "{\"msgid\":6,\"n\":" + i + "}\n";
            sent.add(line);
            assertTrue(offer(connection, bytes(line), i % 2 == 0));
        }

        assertEquals(sent, readLines(500));
    }

    @Test
    void concurrentSendersEachKeepTheirOrderAndNothingIsLostOrTorn() throws Exception {
        Connection connection = open(1 << 22);
        int senders = 8;
        int perSender = 200;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            threads.add(Thread.ofVirtual().start(() -> {
                awaitQuietly(start);
                for (int i = 0; i < perSender; i++) {
                    deliver(connection, bytes("{\"from\":" + sender + ",\"n\":" + i + ",\"pad\":\""
                            + "x".repeat(100) + "\"}\n"));
                }
            }));
        }
        start.countDown();

        List<String> lines = readLines(senders * perSender);

        for (Thread t : threads) {
            assertTrue(t.join(Duration.ofMillis(WAIT_MS)));
        }
        int[] next = new int[senders];
        for (String line : lines) {
            int from = Integer.parseInt(line.replaceAll(".*\"from\":(\\d+),.*\\n", "$1"));
            int n = Integer.parseInt(line.replaceAll(".*\"n\":(\\d+),.*\\n", "$1"));
            assertEquals(next[from]++, n, "sender " + from + " out of order");
        }
    }

    @Test
    void sendFirstCompletesTrueOnceWritten() throws Exception {
        Connection connection = open(1 << 20);

        CompletableFuture<Boolean> written = connection.sendFirst(bytes("{\"msgid\":2,\"errno\":0}\n"));

        assertTrue(written.get(WAIT_MS, TimeUnit.MILLISECONDS));
        assertEquals(List.of("{\"msgid\":2,\"errno\":0}\n"), readLines(1));
    }

    @Test
    void sendFirstJumpsAheadOfLinesStillQueued() throws Exception {
        Connection connection = open(64L << 20);
        // Far more than the socket buffers hold: the writer blocks while most of this is still queued.
        String pad = "y".repeat(8 * 1024);
        int fillers = 512;
        for (int i = 0; i < fillers; i++) {
            assertTrue(connection.offer(bytes("{\"filler\":" + i + ",\"pad\":\"" + pad + "\"}\n")));
        }
        assertTrue(deliver(connection, bytes("{\"msgid\":6,\"late\":1}\n")));

        CompletableFuture<Boolean> ack = connection.sendFirst(bytes("{\"msgid\":2,\"ack\":1}\n"));
        assertFalse(ack.isDone(), "nothing is written while the peer does not read");

        List<String> lines = readLines(fillers + 2);
        assertTrue(ack.get(WAIT_MS, TimeUnit.MILLISECONDS));
        int ackAt = lines.indexOf("{\"msgid\":2,\"ack\":1}\n");
        assertTrue(ackAt >= 0 && ackAt < fillers / 2, "the ack went out ahead of the queue, at line " + ackAt);
        assertEquals("{\"msgid\":6,\"late\":1}\n", lines.getLast());
        List<String> fillersSeen = lines.stream().filter(l -> l.startsWith("{\"filler\"")).toList();
        for (int i = 0; i < fillers; i++) {
            assertTrue(fillersSeen.get(i).startsWith("{\"filler\":" + i + ","), "filler order at " + i);
        }
    }

    @Test
    void aPeerThatStopsReadingIsClosedAndQueuedChatsGoToTheUndeliveredHandler() throws Exception {
        Connection connection = open(64 * 1024);
        String pad = "z".repeat(4 * 1024);
        List<String> accepted = new ArrayList<>();
        Set<String> durable = new HashSet<>();

        assertTimeoutPreemptively(LIMIT, () -> {
            for (int i = 0; ; i++) {
                boolean isDurable = i % 3 != 0;
                String line = "{\"msgid\":6,\"n\":" + i + ",\"durable\":" + isDurable + ",\"pad\":\"" + pad + "\"}\n";
                if (!offer(connection, bytes(line), isDurable)) {
                    break;
                }
                accepted.add(line);
                if (isDurable) {
                    durable.add(line);
                }
            }
        });

        assertTrue(connection.isClosed(), "a client that does not read is disconnected");
        assertFalse(undelivered.isEmpty(), "chats still queued are handed back");
        assertTrue(durable.containsAll(undelivered), "only durable lines are handed back");
        // Every chat accepted either reached the peer whole or was handed back to be stored: none is lost.
        List<String> received = readUntilEnd();
        // The line the writer was blocked on is handed back by the writer thread as its write fails.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (!missingFrom(durable, received, undelivered).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of(), missingFrom(durable, received, undelivered));
        assertEquals(received, accepted.subList(0, received.size()), "the peer got a prefix, in order");
    }

    @Test
    void offersAfterCloseAreRefusedAndNotHandedBack() throws Exception {
        Connection connection = open(1 << 20);

        connection.close();
        connection.close();

        assertTrue(connection.isClosed());
        assertFalse(deliver(connection, bytes("{\"msgid\":6}\n")), "the caller keeps what was refused");
        assertFalse(connection.offer(bytes("{\"msgid\":11}\n")));
        assertFalse(connection.sendFirst(bytes("{\"msgid\":2}\n")).get(WAIT_MS, TimeUnit.MILLISECONDS));
        assertTrue(undelivered.isEmpty());
        assertEquals(List.of(), readUntilEnd(), "the peer sees the connection end");
    }

    @Test
    void aLineLargerThanTheQueueLimitClosesTheConnection() {
        Connection connection = open(1024);

        assertFalse(deliver(connection, new byte[2048]));

        assertTrue(connection.isClosed());
    }

    @Test
    void finishLetsQueuedLinesOutThenCloses() {
        Connection connection = open(1 << 20);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sent.add("{\"n\":" + i + "}\n");
            deliver(connection, bytes(sent.getLast()));
        }

        assertTimeoutPreemptively(LIMIT, () -> connection.finish(Duration.ofSeconds(2)));

        assertTrue(connection.isClosed());
        assertEquals(sent, readUntilEnd());
        assertEquals(sent, written, "each chat is reported written, in order");
    }

    @Test
    void aWriteToAPeerThatHasGoneClosesTheConnection() throws Exception {
        Connection connection = open(1 << 20);
        peer.setSoLinger(true, 0);
        peer.close();

        assertTimeoutPreemptively(LIMIT, () -> {
            while (deliver(connection, bytes("{\"msgid\":6,\"pad\":\"" + "p".repeat(1000) + "\"}\n"))) {
                Thread.sleep(5);
            }
        });

        assertTrue(connection.isClosed());
    }

    // ---- helpers ----

    private boolean offer(Connection connection, byte[] line, boolean chat) {
        return chat ? deliver(connection, line) : connection.offer(line);
    }

    /** Delivers a chat line under a fresh mid, remembering which mid is which line. */
    private boolean deliver(Connection connection, byte[] line) {
        long mid = mids.incrementAndGet();
        chatsByMid.put(mid, text(line));
        return connection.deliver(RECIPIENT, mid, line);
    }

    private Connection open(long maxQueuedBytes) {
        try {
            Connection connection = new Connection(server, server, maxQueuedBytes, receipts, writers);
            connections.add(connection);
            return connection;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Reads exactly {@code count} lines from the peer, each with its newline. */
    private List<String> readLines(int count) {
        return assertTimeoutPreemptively(LIMIT, () -> {
            InputStream in = peerIn;
            List<String> lines = new ArrayList<>();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (lines.size() < count) {
                int b = in.read();
                if (b < 0) {
                    throw new AssertionError("stream ended after " + lines.size() + " lines");
                }
                line.write(b);
                if (b == '\n') {
                    lines.add(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                }
            }
            return lines;
        });
    }

    /** Reads whole lines until the server side closes; a trailing partial line is dropped. */
    private List<String> readUntilEnd() {
        return assertTimeoutPreemptively(LIMIT, () -> {
            InputStream in = peerIn;
            List<String> lines = new ArrayList<>();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("the connection was not closed", e);
                } catch (IOException e) {
                    return lines;
                }
                if (n < 0) {
                    return lines;
                }
                for (int i = 0; i < n; i++) {
                    line.write(buffer[i]);
                    if (buffer[i] == '\n') {
                        lines.add(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    }
                }
            }
        });
    }

    private static List<String> missingFrom(Set<String> durable, List<String> received, List<String> undelivered) {
        return durable.stream().filter(l -> !received.contains(l) && !undelivered.contains(l)).toList();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(WAIT_MS, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }
}
