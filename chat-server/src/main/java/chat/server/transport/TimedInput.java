package chat.server.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * A socket's input with deadlines: one the connection handler sets between requests ({@link #waitUntil}), and
 * one that starts when the first byte of a request arrives and ends when the handler has read the whole of it
 * ({@link #frameEnded}). Reads block without a timeout, which on a virtual thread would arm and cancel a timer
 * for every read; instead the server's sweeper calls {@link #expireIfDue} a few times a second, which shuts a
 * late connection's input, and the read that returns then throws {@link SocketTimeoutException}.
 *
 * <p>To know where requests start, every read hands over at most one byte that can end a request or skip past
 * broken input ({@code '}'}, newline, NUL), as its last byte; what the socket delivered beyond it waits for the
 * next read. So when the frame reader returns, it holds nothing unread, and any later byte other than
 * whitespace or NUL belongs to the next request.
 *
 * <p>Over TLS the input is the TLS socket's and {@code tcp} the socket beneath it, whose input the sweeper shuts:
 * TLS then fails the read (the peer sent no close_notify) and closes the connection, and that failure is the
 * timeout too, though the client can no longer be told why.
 */
final class TimedInput extends InputStream {
    private final InputStream in;
    private final Socket tcp;
    private final Duration frameTimeout;
    // Written by the connection's thread, read by the sweeper.
    private volatile long idleDeadlineNanos;
    private volatile long frameDeadlineNanos;
    private volatile boolean expired;
    private byte[] held;
    private int heldPos;

    TimedInput(InputStream in, Socket tcp, Duration frameTimeout) {
        this.in = in;
        this.tcp = tcp;
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

    /** True once a deadline has passed and the input was shut. */
    boolean expired() {
        return expired;
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
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                if (expired) {
                    throw new SocketTimeoutException("deadline passed");
                }
                throw e;
            }
            if (expired) {
                throw new SocketTimeoutException("deadline passed");
            }
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

    /** Called by the sweeper: past the nearer deadline, ends the wait of the read under way (or the next). */
    void expireIfDue(long nowNanos) {
        long deadline = nearer(idleDeadlineNanos, frameDeadlineNanos);
        if (deadline != 0 && nowNanos - deadline >= 0 && !expired) {
            expired = true;
            try {
                tcp.shutdownInput();
            } catch (IOException e) {
                // Already closed: the reader has ended or is ending anyway.
            }
        }
    }

    private static long nearer(long a, long b) {
        if (a == 0 || b == 0) {
            return a == 0 ? b : a;
        }
        return a - b < 0 ? a : b;
    }
}
