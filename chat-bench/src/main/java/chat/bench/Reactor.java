package chat.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One selector thread owning a share of the connections: it sends its share of the offered rate on a fixed
 * schedule and counts what arrives. Other threads talk to it only through {@link #submit} tasks and the
 * atomics of the current {@link Tally}.
 */
final class Reactor implements Runnable {
    private static final int READ_BUFFER = 256 * 1024;

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer in = ByteBuffer.allocate(READ_BUFFER);
    private final ByteBuffer out = ByteBuffer.allocate(Wire.MAX_REQUEST);
    private final List<Conn> conns = new ArrayList<>();
    private final List<Conn> senders = new ArrayList<>();
    private final long baseNanos;
    private final int padding;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Tally tally = new Tally(0);
    private long planStart;
    private long planTotal;
    private long planSent;
    private double period;
    private int next;

    Reactor(String name, long baseNanos, int padding) throws IOException {
        this.selector = Selector.open();
        this.baseNanos = baseNanos;
        this.padding = padding;
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this);
    }

    void start() {
        thread.start();
    }

    void submit(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    void adopt(Conn c) {
        submit(() -> register(c));
    }

    Tally tally() {
        return tally;
    }

    /** From {@code startNanos} on, sends {@code total} chats, one every {@code periodNanos}, under a new tally. */
    void startPhase(int phase, long startNanos, long total, double periodNanos) {
        submit(() -> {
            tally = new Tally(phase);
            planStart = startNanos;
            planTotal = total;
            planSent = 0;
            period = periodNanos;
        });
    }

    /** Stops sending and hands over the current tally; what arrives later counts as stale. */
    CompletableFuture<Tally> finish() {
        CompletableFuture<Tally> done = new CompletableFuture<>();
        submit(() -> {
            Tally t = tally;
            planTotal = planSent;
            tally = new Tally(-1);
            done.complete(t);
        });
        return done;
    }

    void pingAll() {
        submit(() -> conns.forEach(c -> write(c, ByteBuffer.wrap(Wire.PING_LINE))));
    }

    void stop() throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(10_000);
    }

    @Override
    public void run() {
        try {
            while (running) {
                long wait = sendDue();
                if (wait == 0) {
                    selector.selectNow();
                } else {
                    selector.select(wait < 0 ? 100 : Math.max(1, wait / 1_000_000));
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
            }
        } catch (IOException e) {
            tally.error("reactor failed: " + e);
        } finally {
            conns.forEach(this::closeQuietly);
            closeQuietly(selector);
        }
    }

    /** Sends every chat whose time has come; returns nanoseconds until the next one, or -1 if none is planned. */
    private long sendDue() {
        if (planSent >= planTotal || senders.isEmpty()) {
            return -1;
        }
        long now = System.nanoTime();
        long due = now < planStart ? 0 : Math.min(planTotal, (long) ((now - planStart) / period) + 1);
        Tally t = tally;
        while (planSent < due) {
            long scheduled = planStart + (long) (planSent * period);
            t.maxLagMicros = Math.max(t.maxLagMicros, (now - scheduled) / 1000);
            send(t, senders.get(next), scheduled);
            next = next + 1 == senders.size() ? 0 : next + 1;
            planSent++;
        }
        return planSent >= planTotal ? -1 : Math.max(0, planStart + (long) (planSent * period) - now);
    }

    private void send(Tally t, Conn c, long scheduled) {
        t.sent.setRelease(t.sent.getPlain() + 1);
        t.expected.setRelease(t.expected.getPlain() + c.fanout);
        if (!c.channel.isOpen()) {
            return;
        }
        out.clear();
        Wire.putChat(out, c.prefix, t.phase, c.index, c.nextSeq++, (scheduled - baseNanos) / 1000, padding);
        out.flip();
        write(c, out);
    }

    private void write(Conn c, ByteBuffer data) {
        if (c.pending != null) {
            c.pending = Buffers.append(c.pending, data);
            return;
        }
        try {
            c.channel.write(data);
        } catch (IOException e) {
            drop(c, "write failed: " + e.getMessage());
            return;
        }
        if (data.hasRemaining()) {
            c.pending = Buffers.append(null, data);
            c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    private void handle(SelectionKey key) {
        Conn c = (Conn) key.attachment();
        if (!key.isValid()) {
            return;
        }
        if (key.isWritable()) {
            flush(c);
        }
        if (key.isValid() && key.isReadable()) {
            read(c);
        }
    }

    private void flush(Conn c) {
        c.pending.flip();
        try {
            c.channel.write(c.pending);
        } catch (IOException e) {
            drop(c, "write failed: " + e.getMessage());
            return;
        }
        if (c.pending.hasRemaining()) {
            c.pending.compact();
        } else {
            c.pending = null;
            c.key.interestOps(SelectionKey.OP_READ);
        }
    }

    private void read(Conn c) {
        in.clear();
        if (c.partial != null) {
            in.put(c.partial);
            c.partial = null;
        }
        int n;
        try {
            n = c.channel.read(in);
        } catch (IOException e) {
            n = -1;
        }
        lines(c, in.array(), in.position(), System.nanoTime());
        if (n < 0) {
            drop(c, "connection closed by server");
        }
    }

    private void lines(Conn c, byte[] a, int length, long now) {
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (a[i] == '\n') {
                line(c, a, start, i, now);
                start = i + 1;
            }
        }
        if (start < length) {
            c.partial = Arrays.copyOfRange(a, start, length);
            if (c.partial.length > READ_BUFFER / 2) {
                drop(c, "line longer than " + READ_BUFFER / 2 + " bytes");
            }
        }
    }

    private void line(Conn c, byte[] a, int from, int to, long now) {
        Tally t = tally;
        switch (Wire.msgid(a, from, to)) {
            case Wire.ONE_CHAT, Wire.GROUP_CHAT -> delivery(t, c, a, from, to, now);
            case Wire.ONE_CHAT_ACK, Wire.GROUP_CHAT_ACK -> t.acks++;
            case Wire.PONG -> t.pongs.setRelease(t.pongs.getPlain() + 1);
            case Wire.ERROR -> t.error(new String(a, from, Math.min(to - from, 300), StandardCharsets.UTF_8));
            default -> t.other++;
        }
    }

    private void delivery(Tally t, Conn c, byte[] a, int from, int to, long now) {
        int p = Wire.text(a, from, to);
        if (p < 0) {
            t.error("chat without text: " + new String(a, from, Math.min(to - from, 300), StandardCharsets.UTF_8));
            return;
        }
        long phase = Wire.number(a, p, to);
        p = Wire.skipField(a, p, to);
        long sender = Wire.number(a, p, to);
        p = Wire.skipField(a, p, to);
        long seq = Wire.number(a, p, to);
        p = Wire.skipField(a, p, to);
        long sentMicros = Wire.number(a, p, to);
        if (phase != t.phase) {
            t.stale++;
        } else if (sender == c.index) {
            t.other++;
        } else if (sender < 0 || !c.inSpan((int) sender) || sentMicros < 0) {
            t.error("unexpected chat for user " + c.index + ": " + new String(a, from, Math.min(to - from, 300),
                    StandardCharsets.UTF_8));
        } else if (!c.firstDelivery((int) sender, seq)) {
            t.duplicates++;
        } else {
            t.received.setRelease(t.received.getPlain() + 1);
            t.latency.record((now - baseNanos) / 1000 - sentMicros);
            t.lastDeliveryNanos = now;
        }
    }

    private void register(Conn c) {
        try {
            c.channel.configureBlocking(false);
            c.key = c.channel.register(selector, SelectionKey.OP_READ, c);
        } catch (IOException e) {
            drop(c, "could not register: " + e.getMessage());
            return;
        }
        conns.add(c);
        if (c.prefix != null) {
            senders.add(c);
        }
        if (c.partial != null) {
            byte[] leftover = c.partial;
            c.partial = null;
            lines(c, leftover, leftover.length, System.nanoTime());
        }
    }

    private void drop(Conn c, String reason) {
        Tally t = tally;
        if (c.channel.isOpen()) {
            t.disconnects++;
            t.error("user " + c.index + ": " + reason);
        }
        closeQuietly(c);
    }

    private void closeQuietly(Conn c) {
        if (c.key != null) {
            c.key.cancel();
        }
        closeQuietly(c.channel);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // nothing left to do with it
        }
    }
}
