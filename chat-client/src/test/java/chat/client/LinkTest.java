package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.core.Message;
import chat.core.Message.OneChat;
import chat.core.Message.Ping;
import chat.core.Message.Pong;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LinkTest {
    private static final long WAIT_SECONDS = 5;

    private final Recorder events = new Recorder();
    private final Backoff quick = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), new Random(1));

    @Test
    void answersMatchTheirRequestBySeqAndChatsGoToEvents() throws Exception {
        try (FakeServer server = new FakeServer((n, request, reply) -> {
            // A delivered chat carrying the same seq must not be mistaken for the answer.
            reply.send(new OneChat(request.seq(), 8, "bob", 7, "hi", "2024-05-01 10:00:00", 1L));
            reply.send(new Pong(request.seq()));
        }); Link link = new Link(server::dial, quick)) {
            link.start(events);
            Message answer = link.request(Ping::new).get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertInstanceOf(Pong.class, answer);
            assertEquals("delivered OneChat", events.next());
        }
    }

    @Test
    void aDroppedConnectionFailsWhatWaitsThenReconnects() throws Exception {
        try (FakeServer server = new FakeServer((n, request, reply) -> {
            if (n == 1) {
                reply.hangUp();
            } else {
                reply.send(new Pong(request.seq()));
            }
        }); Link link = new Link(server::dial, quick)) {
            link.start(events);
            ExecutionException lost = assertThrows(ExecutionException.class,
                    () -> link.request(Ping::new).get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertInstanceOf(Link.Down.class, lost.getCause());
            assertEquals("lost the server closed the connection", events.next());
            assertEquals("restored", events.next());
            assertInstanceOf(Pong.class, link.request(Ping::new).get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    void redialFailuresAreReportedWithTheNextDelay() throws Exception {
        AtomicInteger dials = new AtomicInteger();
        FakeServer server = new FakeServer((n, request, reply) -> reply.hangUp());
        try (Link link = new Link(() -> {
            if (dials.incrementAndGet() > 1) {
                throw new java.net.ConnectException("ServerConnection refused");
            }
            return server.dial();
        }, quick)) {
            link.start(events);
            link.request(Ping::new);
            assertEquals("lost the server closed the connection", events.next());
            String retry = events.next();
            assertTrue(retry.startsWith("retrying 1 ServerConnection refused"), retry);
        } finally {
            server.close();
        }
    }

    @Test
    void heartbeatPingsWhenQuietAndDropsAConnectionWhosePongNeverComes() throws Exception {
        AtomicInteger pings = new AtomicInteger();
        try (FakeServer server = new FakeServer((n, request, reply) -> {
            if (n == 1 && pings.incrementAndGet() < 2) {
                reply.send(new Pong(request.seq()));
            }
        }); Link link = new Link(server::dial, quick);
             Heartbeat heartbeat = new Heartbeat(link, Duration.ofMillis(100), Duration.ofSeconds(1))) {
            link.start(events);
            heartbeat.start();
            assertEquals("lost no answer to a ping within 1 s", events.next());
            assertEquals("restored", events.next());
            assertTrue(pings.get() >= 2);
        }
    }

    @Test
    void retryNowRedialsWithoutWaitingOutTheBackoff() throws Exception {
        Backoff slow = new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(2), new Random(1));
        try (FakeServer server = new FakeServer((n, request, reply) -> {
            if (n == 1) {
                reply.hangUp();
            } else {
                reply.send(new Pong(request.seq()));
            }
        }); Link link = new Link(server::dial, slow)) {
            link.start(events);
            assertFalse(link.retryNow(), "connected: nothing to retry");
            link.request(Ping::new);
            assertEquals("lost the server closed the connection", events.next());
            assertTrue(link.retryNow());
            assertEquals("restored", events.next(), "a minute of backoff cut short");
            assertInstanceOf(Pong.class, link.request(Ping::new).get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    void requestsWhileDownFailAtOnce() throws Exception {
        try (Link link = new Link(() -> null, quick)) {
            ExecutionException down = assertThrows(ExecutionException.class,
                    () -> link.request(Ping::new).get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertNotNull(assertInstanceOf(Link.Down.class, down.getCause()).getMessage());
        }
    }

    /** Link events as short strings, waited for with a bound. */
    private static final class Recorder implements Link.Events {
        private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();

        String next() throws InterruptedException {
            String event = seen.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(event, "no link event within " + WAIT_SECONDS + " s");
            return event;
        }

        @Override
        public void delivered(Message message) {
            seen.add("delivered " + message.getClass().getSimpleName());
        }

        @Override
        public void unreadable(String why) {
            seen.add("unreadable " + why);
        }

        @Override
        public void lost(String why) {
            seen.add("lost " + why);
        }

        @Override
        public void retrying(int attempt, Duration delay, String why) {
            seen.add("retrying " + attempt + " " + why);
        }

        @Override
        public void restored() {
            seen.add("restored");
        }
    }
}
