package chat.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second server off an embedded database file for as long as the first has it open. SQLite would let
 * two processes share the file, but two servers on one store would each give out message ids as if alone.
 * The lock is the operating system's on {@code <file>.lock}, so it ends with the process, however that ends.
 */
final class DataFileLock implements AutoCloseable {
    /** Closing it releases the lock. */
    private final FileChannel channel;

    private DataFileLock(FileChannel channel) {
        this.channel = channel;
    }

    /** Locks {@code databaseFile}, creating its directory if need be; throws {@link InUse} if someone has it. */
    static DataFileLock acquire(Path databaseFile) {
        Path lockFile = databaseFile.resolveSibling(databaseFile.getFileName() + ".lock");
        try {
            Files.createDirectories(lockFile.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = tryLock(channel);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                throw new InUse(databaseFile);
            }
            return new DataFileLock(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    /** The lock, or null when another process holds it or this one does already. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another server (or this one, twice) has the database file open. */
    static final class InUse extends IllegalStateException {
        InUse(Path databaseFile) {
            super(databaseFile + " is in use by another server");
        }
    }
}
