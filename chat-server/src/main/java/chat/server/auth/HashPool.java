package chat.server.auth;

import chat.core.ErrorCode;
import chat.core.ProtocolException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs password hashes on a few platform threads of their own with a bounded queue. A hash takes a core for
 * ~150 ms; run on a connection's virtual thread it would hold one of the few carrier threads every chat needs,
 * and a handful of clients guessing passwords would stall everyone. Here the callers' virtual threads wait
 * without a carrier, the operating system shares the cores between hashing and chat traffic, and when the
 * queue is full a request is refused at once rather than waiting longer and longer.
 */
final class HashPool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HashPool.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

    private final ThreadPoolExecutor threads;

    HashPool(int threadCount, int queueLength) {
        threads = new ThreadPoolExecutor(threadCount, threadCount, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueLength), Thread.ofPlatform().name("chat-password-", 0).factory(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Runs {@code hash} on the pool and waits for it.
     *
     * @throws ProtocolException {@link ErrorCode#LIMIT_REACHED} when the queue is full
     */
    <T> T run(Supplier<T> hash) throws ProtocolException {
        Future<T> result;
        try {
            result = threads.submit(hash::get);
        } catch (RejectedExecutionException e) {
            throw new ProtocolException(ErrorCode.LIMIT_REACHED,
                    "the server is busy checking other passwords; try again in a few seconds");
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProtocolException(ErrorCode.SERVER_ERROR, "the server is stopping");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("password threads still running after {} ms; interrupting them", SHUTDOWN_GRACE.toMillis());
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
