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
    private final FileChannel channel;
    private final FileLock lock;

    private DataFileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code databaseFile}, creating its directory if need be; throws {@link InUse} if someone has it. */
    static DataFileLock acquire(Path databaseFile) {
        Path lockFile = databaseFile.resolveSibling(databaseFile.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(lockFile.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new InUse(databaseFile);
            }
            return new DataFileLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new InUse(databaseFile);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        } catch (InUse e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing was locked through it; the descriptor goes either way.
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
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
