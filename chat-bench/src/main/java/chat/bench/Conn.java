package chat.bench;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.BitSet;

/**
 * One logged-in user's connection on a reactor. Everything here is touched only by that reactor's thread.
 * As a receiver it remembers which sequence numbers it saw from each peer in its span of senders
 * ({@code [peerBase, peerBase + peers)}) to tell duplicates from deliveries.
 */
final class Conn {
    final int index;
    final int userId;
    final SocketChannel channel;
    /** The pre-encoded start of this user's chat request; null when it sends nothing. */
    final byte[] prefix;
    /** Deliveries one message from this user should cause. */
    final int fanout;
    final int peerBase;
    private final BitSet[] seen;

    SelectionKey key;
    long nextSeq;
    byte[] partial;
    ByteBuffer pending;

    Conn(int index, int userId, SocketChannel channel, byte[] prefix, int fanout, int peerBase, int peers,
         byte[] leftover) {
        this.index = index;
        this.userId = userId;
        this.channel = channel;
        this.prefix = prefix;
        this.fanout = fanout;
        this.peerBase = peerBase;
        this.seen = new BitSet[peers];
        this.partial = leftover == null || leftover.length == 0 ? null : leftover;
    }

    /** Records a delivery; false when it is a duplicate or from a sender outside the span. */
    boolean firstDelivery(int sender, long seq) {
        int peer = sender - peerBase;
        if (peer < 0 || peer >= seen.length || seq < 0 || seq > Integer.MAX_VALUE) {
            return false;
        }
        BitSet bits = seen[peer];
        if (bits == null) {
            bits = new BitSet();
            seen[peer] = bits;
        }
        if (bits.get((int) seq)) {
            return false;
        }
        bits.set((int) seq);
        return true;
    }

    boolean inSpan(int sender) {
        return sender >= peerBase && sender < peerBase + seen.length;
    }
}
