package chat.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into JSON objects. Objects may be separated by nothing, whitespace, newlines or NUL
 * bytes (the original C++ client ends every request with a NUL), may arrive split across reads or several to
 * a read, and may hold multi-byte UTF-8 anywhere: only ASCII braces, brackets, quotes and backslashes steer
 * the scan, and no UTF-8 continuation byte can look like one of them.
 *
 * <p>An object must not span lines: a newline (or NUL) outside a string ends an object that is still open, as
 * malformed. Broken input is reported as a {@link ProtocolException} after the reader has skipped to a point
 * where the stream makes sense again (the next newline or NUL), so the caller can answer and keep reading. The one
 * exception is {@link ErrorCode#TOO_LARGE}: the rest of that frame is still on the wire, so the caller should
 * answer and close. Not thread-safe: one reader per connection thread.
 */
public final class FrameReader {
    // Small, because every idle connection holds one while its thread waits in read(); a typical request
    // fits, and a larger one just takes a few reads.
    private static final int READ_CHUNK = 512;

    private final InputStream in;
    private final int maxFrameBytes;
    private final byte[] chunk = new byte[READ_CHUNK];
    private int chunkPos;
    private int chunkEnd;

    private byte[] frame = new byte[256];
    private int frameLength;

    public FrameReader(InputStream in, int maxFrameBytes) {
        this.in = in;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** The next complete JSON object, or null when the stream ends between objects. */
    public byte[] next() throws IOException, ProtocolException {
        int b;
        do {
            b = read();
            if (b < 0) {
                return null;
            }
        } while (isSeparator(b));
        if (b != '{') {
            skipToLineEnd(b);
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "expected a JSON object starting with '{'");
        }
        return readObject();
    }

    private byte[] readObject() throws IOException, ProtocolException {
        frameLength = 0;
        append('{');
        int depth = 1;
        boolean inString = false;
        boolean escaped = false;
        while (depth > 0) {
            int b = read();
            if (b < 0) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "the stream ended inside a JSON object");
            }
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                } else if (b < 0x20) {
                    skipToLineEnd(b);
                    throw new ProtocolException(ErrorCode.BAD_REQUEST,
                            "malformed JSON: unterminated string or raw control character in a string");
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
            } else if (b == 0 || b == '\n') {
                // Every client sends a request on one line (or ends it with a NUL): an object still open here
                // was cut off, and reading on would swallow the requests that follow into it.
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "malformed JSON: the object ended at the end of "
                        + "its line before it was complete");
            }
            append(b);
        }
        byte[] result = Arrays.copyOf(frame, frameLength);
        if (frame.length > 4096) {
            frame = new byte[256];
        }
        return result;
    }

    private void append(int b) throws ProtocolException {
        if (frameLength == maxFrameBytes) {
            frame = new byte[256];
            frameLength = 0;
            throw new ProtocolException(ErrorCode.TOO_LARGE,
                    "message larger than " + maxFrameBytes + " bytes");
        }
        if (frameLength == frame.length) {
            frame = Arrays.copyOf(frame, Math.min(frame.length * 2, maxFrameBytes));
        }
        frame[frameLength++] = (byte) b;
    }

    /** Resynchronises after garbage: the next object is expected after the next newline or NUL. */
    private void skipToLineEnd(int b) throws IOException {
        while (b >= 0 && b != '\n' && b != 0) {
            b = read();
        }
    }

    private static boolean isSeparator(int b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0;
    }

    private int read() throws IOException {
        if (chunkPos == chunkEnd) {
            int n = in.read(chunk);
            if (n < 0) {
                return -1;
            }
            chunkPos = 0;
            chunkEnd = n;
        }
        return chunk[chunkPos++] & 0xff;
    }
}
