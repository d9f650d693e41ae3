package chat.server.cluster;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Replies one thread waits for and the subscription's reader thread reports: one pending reply per user. */
final class Replies {
    private final ConcurrentMap<Integer, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

    /** Registers the wait before the command goes out, so a fast reply cannot be missed. */
    CompletableFuture<Void> expect(int userId) {
        CompletableFuture<Void> reply = new CompletableFuture<>();
        pending.put(userId, reply);
        return reply;
    }

    /** Called by the reader thread when Redis answered for the user. */
    void arrived(int userId) {
        CompletableFuture<Void> reply = pending.remove(userId);
        if (reply != null) {
            reply.complete(null);
        }
    }

    void forget(int userId) {
        pending.remove(userId);
    }

    /** True when the reply arrived within {@code timeout}; the wait is forgotten either way. */
    boolean await(int userId, CompletableFuture<Void> reply, Duration timeout) {
        try {
            reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } finally {
            pending.remove(userId, reply);
        }
    }
}
