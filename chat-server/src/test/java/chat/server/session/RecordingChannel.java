package chat.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.core.Codec;
import chat.core.Message;
import chat.core.ProtocolException;
import chat.server.delivery.Outbox;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A connection that records every line a session hands it. {@code sendFirst} completes at once: written,
 * not written (the connection closed first), or failed, as the test chooses. Public so the tests of handlers and
 * the dispatcher can use it too.
 */
public final class RecordingChannel implements Outbox {

    /** How {@link #sendFirst} answers. */
    public enum FirstWrite { WRITTEN, NOT_WRITTEN, FAILED }

    /**
     * One line as handed over: {@code recipientId} and {@code mid} are set for a chat ({@link #deliver}), and
     * {@code live} too for one the cluster delivers now ({@link #deliverLive}), {@code first} for
     * {@link #sendFirst}, none of them for a reply ({@link #offer}).
     */
    public record Sent(byte[] line, Integer recipientId, Long mid, boolean first, boolean live) {
    }

    private final Codec codec = new Codec();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile FirstWrite firstWrite = FirstWrite.WRITTEN;

    public RecordingChannel firstWrites(FirstWrite outcome) {
        this.firstWrite = outcome;
        return this;
    }

    @Override
    public boolean offer(byte[] line) {
        sent.add(new Sent(line, null, null, false, false));
        return true;
    }

    @Override
    public boolean deliver(int recipientId, long mid, byte[] line) {
        sent.add(new Sent(line, recipientId, mid, false, false));
        return true;
    }

    @Override
    public boolean deliverLive(int recipientId, long mid, byte[] line) {
        sent.add(new Sent(line, recipientId, mid, false, true));
        return true;
    }

    @Override
    public boolean awaitRoom(long bytes, Duration timeout) {
        return true;
    }

    @Override
    public CompletableFuture<Boolean> sendFirst(byte[] line) {
        sent.add(new Sent(line, null, null, true, false));
        return switch (firstWrite) {
            case WRITTEN -> CompletableFuture.completedFuture(true);
            case NOT_WRITTEN -> CompletableFuture.completedFuture(false);
            case FAILED -> CompletableFuture.failedFuture(new IOException("connection reset"));
        };
    }

    @Override
    public String remoteAddress() {
        return "/127.0.0.1:40000";
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Every line handed over, in order, decoded; each must be one line ending in a newline. */
    public List<Message> messages() {
        return sent.stream().map(s -> decode(s.line())).toList();
    }

    /** The only message handed over, which must have gone through {@code offer}. */
    public Message onlyReply() {
        assertEquals(1, sent.size(), () -> "expected exactly one reply, got " + messages());
        assertEquals(false, sent.getFirst().first(), "a reply is offered, not sent first");
        return messages().getFirst();
    }

    public boolean isEmpty() {
        return sent.isEmpty();
    }

    private Message decode(byte[] line) {
        assertEquals('\n', line[line.length - 1], "a line ends in a newline");
        try {
            return codec.decode(line);
        } catch (ProtocolException e) {
            throw new AssertionError("the session sent a line the codec cannot read: " + e.getMessage(), e);
        }
    }
}
