package chat.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The hot path's view of the protocol: requests pre-encoded as bytes and a scanner that pulls the few fields
 * it needs out of a line without parsing the JSON. The chat text is {@code phase:sender:seq:sentMicros:} plus
 * optional padding; the server copies it verbatim, so the receiver reads it back from {@code "msg":"}.
 */
final class Wire {
    static final int ONE_CHAT = 6;
    static final int GROUP_CHAT = 10;
    static final int ERROR = 11;
    static final int ONE_CHAT_ACK = 13;
    static final int GROUP_CHAT_ACK = 17;
    static final int PING = 20;
    static final int PONG = 21;

    /** Room for the longest chat request the tool builds, padding included. */
    static final int MAX_REQUEST = 8192;

    static final byte[] PING_LINE = ascii("{\"msgid\":" + PING + "}\n");
    private static final byte[] MSGID = ascii("\"msgid\":");
    private static final byte[] MSG = ascii("\"msg\":\"");
    private static final byte[] SUFFIX = ascii("\"}\n");

    private Wire() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Everything of a one-to-one chat request up to the opening quote of its text; no seq, so no ack. */
    static byte[] oneChatPrefix(int toid) {
        return ascii("{\"msgid\":" + ONE_CHAT + ",\"toid\":" + toid + ",\"msg\":\"");
    }

    static byte[] groupChatPrefix(int groupid) {
        return ascii("{\"msgid\":" + GROUP_CHAT + ",\"groupid\":" + groupid + ",\"msg\":\"");
    }

    /** Appends one complete chat request to {@code out}. */
    static void putChat(ByteBuffer out, byte[] prefix, int phase, int sender, long seq, long sentMicros,
                        int padding) {
        out.put(prefix);
        putLong(out, phase);
        out.put((byte) ':');
        putLong(out, sender);
        out.put((byte) ':');
        putLong(out, seq);
        out.put((byte) ':');
        putLong(out, sentMicros);
        out.put((byte) ':');
        for (int i = 0; i < padding; i++) {
            out.put((byte) 'x');
        }
        out.put(SUFFIX);
    }

    static void putLong(ByteBuffer out, long value) {
        if (value < 10) {
            out.put((byte) ('0' + value));
            return;
        }
        int digits = 0;
        for (long v = value; v > 0; v /= 10) {
            digits++;
        }
        int end = out.position() + digits;
        for (int i = end - 1; i >= out.position(); i--) {
            out.put(i, (byte) ('0' + value % 10));
            value /= 10;
        }
        out.position(end);
    }

    /** The {@code msgid} of the line in {@code a[from, to)}, or -1. */
    static int msgid(byte[] a, int from, int to) {
        int at = find(a, from, to, MSGID);
        return at < 0 ? -1 : (int) number(a, at + MSGID.length, to);
    }

    /** Where the chat text starts, just after {@code "msg":"}, or -1. */
    static int text(byte[] a, int from, int to) {
        int at = find(a, from, to, MSG);
        return at < 0 ? -1 : at + MSG.length;
    }

    /** The non-negative decimal number starting at {@code at}; -1 when there is none. */
    static long number(byte[] a, int at, int to) {
        long v = 0;
        int i = at;
        while (i < to && a[i] >= '0' && a[i] <= '9') {
            v = v * 10 + (a[i] - '0');
            i++;
        }
        return i == at ? -1 : v;
    }

    /** Index just past the next {@code ':'} at or after {@code at}, or {@code to}. */
    static int skipField(byte[] a, int at, int to) {
        int i = at;
        while (i < to && a[i] != ':') {
            i++;
        }
        return Math.min(i + 1, to);
    }

    static int find(byte[] a, int from, int to, byte[] pattern) {
        int last = to - pattern.length;
        outer:
        for (int i = from; i <= last; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (a[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
