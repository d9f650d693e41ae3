package chat.bench;

import java.nio.ByteBuffer;

/** Growable write-mode buffers for bytes a socket did not take yet. */
final class Buffers {
    private Buffers() {
    }

    /** Appends what remains of {@code data} to {@code pending} (write mode), growing it as needed. */
    static ByteBuffer append(ByteBuffer pending, ByteBuffer data) {
        ByteBuffer target = pending == null ? ByteBuffer.allocate(Math.max(4096, data.remaining() * 2)) : pending;
        if (target.remaining() < data.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(target.capacity() * 2, target.position() + data.remaining()));
            target.flip();
            bigger.put(target);
            target = bigger;
        }
        target.put(data);
        return target;
    }
}
