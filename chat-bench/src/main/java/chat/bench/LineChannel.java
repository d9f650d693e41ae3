package chat.bench;

import chat.core.Codec;
import chat.core.Message;
import chat.core.ProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;

/**
 * A blocking connection used during set-up (register, log in, create and join groups) from a virtual
 * thread; once set up, its channel and any bytes already read move to a {@link Conn} on a reactor.
 */
final class LineChannel implements AutoCloseable {
    private static final int MAX_LINE = 1 << 20;

    private final SocketChannel channel;
    private final InputStream in;
    private final Codec codec;
    private byte[] buf = new byte[4096];
    private int start;
    private int end;

    private LineChannel(SocketChannel channel, Codec codec, Duration timeout) throws IOException {
        this.channel = channel;
        this.codec = codec;
        channel.socket().setSoTimeout((int) timeout.toMillis());
        this.in = channel.socket().getInputStream();
    }

    static LineChannel open(Endpoint target, InetAddress source, Codec codec, Duration timeout)
            throws IOException {
        SocketChannel ch = SocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (source != null) {
                ch.bind(new InetSocketAddress(source, 0));
            }
            ch.socket().connect(target.address(), (int) timeout.toMillis());
            return new LineChannel(ch, codec, timeout);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    SocketChannel channel() {
        return channel;
    }

    void send(Message message) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(codec.encodeLine(message));
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    /** Reads lines until one answers {@code seq}; lines answering nothing (chats, notices) are skipped. */
    Message await(int seq) throws IOException {
        while (true) {
            Message m = decode(readLine());
            if (m.seq() != null && m.seq() == seq) {
                return m;
            }
        }
    }

    /** Sends and waits for the answer, failing on an error answer. */
    Message call(Message request) throws IOException {
        send(request);
        return await(request.seq());
    }

    /** Bytes read past the last answered line: they belong to the reactor now. */
    byte[] leftover() {
        return Arrays.copyOfRange(buf, start, end);
    }

    private Message decode(byte[] line) throws IOException {
        try {
            return codec.decode(line);
        } catch (ProtocolException e) {
            throw new IOException("unreadable line from server: " + e.getMessage(), e);
        }
    }

    private byte[] readLine() throws IOException {
        int scanned = 0; // relative to start: fill() may move the unread bytes to the front
        while (true) {
            for (int i = start + scanned; i < end; i++) {
                if (buf[i] == '\n') {
                    byte[] line = Arrays.copyOfRange(buf, start, i);
                    start = i + 1;
                    return line;
                }
            }
            scanned = end - start;
            fill();
        }
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            if (buf.length >= MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " bytes");
            }
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n;
        try {
            n = in.read(buf, end, buf.length - end);
        } catch (SocketTimeoutException e) {
            throw new IOException("no answer from server in time", e);
        }
        if (n < 0) {
            throw new IOException("server closed the connection");
        }
        end += n;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
