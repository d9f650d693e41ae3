package chat.server.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * A socket's input with deadlines, read by the connection's own thread through the socket's read timeout (no
 * timer thread): one the connection handler sets between requests ({@link #waitUntil}), and one that starts
 * when the first byte of a request arrives and ends when the handler has read the whole of it
 * ({@link #frameEnded}). A read past a deadline throws {@link SocketTimeoutException}.
 *
 * <p>To know where requests start, every read hands over at most one byte that can end a request or skip past
 * broken input ({@code '}'}, newline, NUL), as its last byte; what the socket delivered beyond it waits for the
 * next read. So when the frame reader returns, it holds nothing unread, and any later byte other than
 * whitespace or NUL belongs to the next request.
 */
final class TimedInput extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private final Duration frameTimeout;
    private long idleDeadlineNanos;
    private long frameDeadlineNanos;
    private byte[] held;
    private int heldPos;

    TimedInput(Socket socket, Duration frameTimeout) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.frameTimeout = frameTimeout;
    }

    /** Until when to wait for the next request, as a {@link System#nanoTime()}; 0 waits for ever. */
    void waitUntil(long deadlineNanos) {
        idleDeadlineNanos = deadlineNanos;
    }

    /** The request that was being read has been read whole (or skipped as broken). */
    void frameEnded() {
        frameDeadlineNanos = 0;
    }

    /** After a timeout: true when it was the request being read that took too long, not the wait for one. */
    boolean frameTimedOut() {
        return frameDeadlineNanos != 0 && (idleDeadlineNanos == 0 || frameDeadlineNanos - idleDeadlineNanos <= 0);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n;
        if (held != null) {
            n = Math.min(len, held.length - heldPos);
            System.arraycopy(held, heldPos, b, off, n);
            heldPos += n;
        } else {
            socket.setSoTimeout(timeoutMillis());
            n = in.read(b, off, len);
            if (n <= 0) {
                return n;
            }
        }
        int handed = upToFirstStop(b, off, n);
        if (held != null) {
            heldPos -= n - handed;
            if (heldPos == held.length) {
                held = null;
            }
        } else if (handed < n) {
            held = Arrays.copyOfRange(b, off + handed, off + n);
            heldPos = 0;
        }
        if (frameDeadlineNanos == 0 && !onlySeparators(b, off, handed)) {
            frameDeadlineNanos = System.nanoTime() + frameTimeout.toNanos();
        }
        return handed;
    }

    /** How many of the bytes to hand over: up to and including the first that can end a request. */
    private static int upToFirstStop(byte[] b, int off, int n) {
        for (int i = off; i < off + n; i++) {
            if (b[i] == '}' || b[i] == '\n' || b[i] == 0) {
                return i - off + 1;
            }
        }
        return n;
    }

    private static boolean onlySeparators(byte[] b, int off, int n) {
        for (int i = off; i < off + n; i++) {
            if (b[i] != ' ' && b[i] != '\n' && b[i] != '\r' && b[i] != '\t' && b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The socket read timeout until the nearer deadline; 0 (none) when neither is set. */
    private int timeoutMillis() throws SocketTimeoutException {
        long deadline = nearer(idleDeadlineNanos, frameDeadlineNanos);
        if (deadline == 0) {
            return 0;
        }
        long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(left, Integer.MAX_VALUE);
    }

    private static long nearer(long a, long b) {
        if (a == 0 || b == 0) {
            return a == 0 ? b : a;
        }
        return a - b < 0 ? a : b;
    }
}
