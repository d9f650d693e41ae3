package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import chat.core.Codec;
import chat.core.ErrorCode;
import chat.core.Limits;
import chat.core.Message.Login;
import chat.core.Message.Logout;
import chat.core.Message.Ping;
import chat.core.Message.Pong;
import chat.core.Message;
import chat.server.auth.ResumeTokens;
import chat.server.cluster.Cluster;
import chat.server.delivery.Mailbox;
import chat.server.directory.ContactEvents;
import chat.server.dispatch.Dispatcher;
import chat.server.dispatch.Handlers;
import chat.server.handler.Handler;
import chat.server.handler.LogoutHandler;
import chat.server.handler.PingHandler;
import chat.server.ops.Metrics;
import chat.server.session.Session;
import chat.server.session.SessionRegistry;
import chat.server.session.TestSessions;
import chat.server.storage.UserRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One connection served end to end over loopback, with a real dispatcher whose login handler just logs in. */
class ConnectionHandlerTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final int WAIT_MS = 5_000;

    /** A chat the connection could not write, as its receipts heard of it. */
    private record Stored(int userId, long mid) {
    }

    private final Codec codec = new Codec();
    private final Cluster cluster = mock(Cluster.class);
    private final Mailbox mailbox = mock(Mailbox.class);
    private final LinkedBlockingQueue<Integer> logins = new LinkedBlockingQueue<>();
    private final List<Stored> stored = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger handOvers = new AtomicInteger();
    private volatile boolean refuseHandOvers;

    private ServerSocket listener;
    private Socket peer;
    private Socket server;
    private OutputStream peerOut;
    private BufferedReader peerIn;
    private Connection connection;

    @BeforeEach
    void start() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        peer = new Socket();
        peer.setReceiveBufferSize(4096);
        peer.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), WAIT_MS);
        peer.setSoTimeout(WAIT_MS);
        server = listener.accept();
        server.setSendBufferSize(4096);
        peerOut = peer.getOutputStream();
        peerIn = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));

        Handler<Login> login = (session, request) -> {
            TestSessions.logIn(session, new UserRef(request.id(), "user" + request.id()));
            logins.add(request.id());
        };
        SessionRegistry sessions = new SessionRegistry(cluster, mailbox, () -> Long.MAX_VALUE,
                mock(ContactEvents.class));
        Dispatcher dispatcher = new Dispatcher(new Handlers()
                .beforeLogin(Login.class, login)
                .beforeLogin(Ping.class, new PingHandler())
                .afterLogin(Logout.class, new LogoutHandler(sessions, mock(ResumeTokens.class))), sessions);
        doAnswer(inv -> stored.add(new Stored(inv.getArgument(0), inv.getArgument(1))))
                .when(mailbox).unwritten(anyInt(), anyLong());
        connection = new Connection(server, 64 * 1024, mailbox, Metrics.off(),
                task -> Thread.ofVirtual().start(task));
        TimedInput in = new TimedInput(server.getInputStream(), server, Duration.ofSeconds(30));
        ConnectionHandler handler = new ConnectionHandler(connection, in,
                new Requests(new Session(connection, codec, Metrics.off()), codec, dispatcher,
                        ConnectionTimeouts.DEFAULTS),
                null, Duration.ofSeconds(30), closed::countDown, task -> {
                    if (refuseHandOvers) {
                        throw new RejectedExecutionException("stopping");
                    }
                    handOvers.incrementAndGet();
                    Thread.ofVirtual().name("test-connection-after-login").start(task);
                });
        Thread.ofVirtual().name("test-connection").start(handler);
    }

    @AfterEach
    void stop() throws Exception {
        peer.close();
        assertTrue(closed.await(WAIT_MS, TimeUnit.MILLISECONDS), "the connection ends once the peer has gone");
        server.close();
        listener.close();
    }

    @Test
    void brokenInputIsAnsweredAndTheConnectionStaysUsable() throws Exception {
        send("hello\n{\"msgid\":20,\"seq\":1}\0{\"msgid\":99,\"seq\":2}{\"msgid\":20,\"x\":\"oops\n{\"msgid\":20,\"seq\":3}\n");

        assertEquals(ErrorCode.BAD_REQUEST.code(), ((Message.Error) receive()).errno());
        assertEquals(new Pong(1), receive());
        Message.Error unknown = (Message.Error) receive();
        assertEquals(ErrorCode.UNKNOWN_TYPE.code(), unknown.errno());
        assertEquals(2, unknown.seq());
        assertEquals(ErrorCode.BAD_REQUEST.code(), ((Message.Error) receive()).errno());
        assertEquals(new Pong(3), receive());
    }

    @Test
    void requestsBeforeLoginAreRefused() throws Exception {
        send("{\"msgid\":6,\"seq\":4,\"toid\":23,\"msg\":\"hi\"}\0");

        Message.Error error = (Message.Error) receive();
        assertEquals(ErrorCode.NOT_LOGGED_IN.code(), error.errno());
        assertEquals(4, error.seq());
        assertEquals(6, error.req());
    }

    @Test
    void anOversizedFrameIsAnsweredThenTheConnectionCloses() throws Exception {
        send("{\"msgid\":6,\"msg\":\"" + "x".repeat(Limits.MAX_FRAME_BYTES) + "\"}\n");

        assertEquals(ErrorCode.TOO_LARGE.code(), ((Message.Error) receive()).errno());
        assertTimeoutPreemptively(LIMIT, () -> assertNull(peerIn.readLine(), "then the server hangs up"));
        assertTrue(closed.await(WAIT_MS, TimeUnit.MILLISECONDS));
    }

    @Test
    void aPeerThatLeavesIsLoggedOut() throws Exception {
        send("{\"msgid\":1,\"id\":21,\"password\":\"x\"}\0");
        assertEquals(21, logins.poll(WAIT_MS, TimeUnit.MILLISECONDS));

        peer.close();

        assertTrue(closed.await(WAIT_MS, TimeUnit.MILLISECONDS));
        verify(cluster).unregister(eq(21), any());
    }

    @Test
    void chatsQueuedWhenThePeerLeavesAreReportedUnwrittenForTheirUser() throws Exception {
        send("{\"msgid\":1,\"id\":21,\"password\":\"x\"}\0");
        assertEquals(21, logins.poll(WAIT_MS, TimeUnit.MILLISECONDS));
        blockTheWriter();
        String chat = "{\"msgid\":6,\"id\":13,\"name\":\"zhang san\",\"toid\":21,\"msg\":\"hi\"}\n";
        assertTrue(connection.deliver(21, 501L, chat.getBytes(StandardCharsets.UTF_8)));

        peer.close();

        assertTrue(closed.await(WAIT_MS, TimeUnit.MILLISECONDS));
        awaitStored(1);
        assertEquals(List.of(new Stored(21, 501L)), stored);
    }

    @Test
    void chatsQueuedForAUserWhoLoggedOutAreReportedForThemNotForTheNextUserOfTheConnection() throws Exception {
        send("{\"msgid\":1,\"id\":21,\"password\":\"x\"}\0");
        assertEquals(21, logins.poll(WAIT_MS, TimeUnit.MILLISECONDS));
        blockTheWriter();
        String chat = "{\"msgid\":6,\"id\":13,\"name\":\"zhang san\",\"toid\":21,\"msg\":\"for 21 only\"}\n";
        assertTrue(connection.deliver(21, 502L, chat.getBytes(StandardCharsets.UTF_8)));
        // The original client logs out and in again on the same socket.
        send("{\"msgid\":3,\"id\":21}\0{\"msgid\":1,\"id\":22,\"password\":\"y\"}\0");
        assertEquals(22, logins.poll(WAIT_MS, TimeUnit.MILLISECONDS));

        peer.close();

        assertTrue(closed.await(WAIT_MS, TimeUnit.MILLISECONDS));
        awaitStored(1);
        assertTrue(stored.stream().noneMatch(s -> s.userId() == 22), "user 22 must never get 21's chat: " + stored);
        assertEquals(List.of(new Stored(21, 502L)), stored);
    }

    @Test
    void anotherThreadReadsOnAfterTheFirstLoginAndTheConnectionKeepsWorking() throws Exception {
        send("{\"msgid\":1,\"id\":21,\"password\":\"x\"}\0");
        assertEquals(21, logins.poll(WAIT_MS, TimeUnit.MILLISECONDS));
        send("{\"msgid\":20,\"seq\":7}\n");
        assertEquals(new Pong(7), receive());
        send("{\"msgid\":3,\"id\":21}\0{\"msgid\":1,\"id\":22,\"password\":\"y\"}\0{\"msgid\":20,\"seq\":8}\n");
        assertEquals(22, logins.poll(WAIT_MS, TimeUnit.MILLISECONDS));
        assertEquals(new Pong(8), receive());

        assertEquals(1, handOvers.get(), "only the first login hands the reading over");
    }

    @Test
    void theSameThreadReadsOnWhenNoOtherCanTakeOver() throws Exception {
        refuseHandOvers = true;
        send("{\"msgid\":1,\"id\":21,\"password\":\"x\"}\0{\"msgid\":20,\"seq\":9}\n");
        assertEquals(21, logins.poll(WAIT_MS, TimeUnit.MILLISECONDS));

        assertEquals(new Pong(9), receive());
    }

    /** The peer does not read: fill the socket buffers and leave non-durable lines queued behind them. */
    private void blockTheWriter() {
        byte[] filler = ("{\"msgid\":20,\"pad\":\"" + "f".repeat(8 * 1024) + "\"}\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 6; i++) {
            assertTrue(connection.offer(filler));
        }
    }

    /**
     * The writer thread that hits the reset hands queued chats back while the reader may already have finished,
     * so the test waits for them rather than racing it.
     */
    private void awaitStored(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (stored.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private void send(String text) throws IOException {
        peerOut.write(text.getBytes(StandardCharsets.UTF_8));
        peerOut.flush();
    }

    private Message receive() throws Exception {
        return assertTimeoutPreemptively(LIMIT, () -> {
            String line = peerIn.readLine();
            if (line == null) {
                throw new AssertionError("the server hung up");
            }
            return codec.decode(line);
        });
    }

}
