package chat.server.storage;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChatMessageDao} whose inserts are group-committed: each caller still blocks until its message is
 * stored and gets its id, but while one batch is being written the next one gathers, so under load one
 * transaction stores hundreds of messages instead of paying a commit each. An idle server writes a lone
 * message at once; nothing waits on a timer. Reads go straight to the wrapped DAO.
 */
public final class BatchingChatMessageDao implements ChatMessageDao, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchingChatMessageDao.class);

    private record Pending(NewChat chat, CompletableFuture<Long> id) {
    }

    private final ChatMessageDao dao;
    private final int maxBatch;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean open = true;

    /** {@code writers} batches may be in flight at once, each of at most {@code maxBatch} messages. */
    public BatchingChatMessageDao(ChatMessageDao dao, int writers, int maxBatch) {
        this.dao = dao;
        this.maxBatch = maxBatch;
        for (int i = 0; i < writers; i++) {
            this.writers.add(Thread.ofVirtual().name("chat-history-writer-" + i).start(this::writeBatches));
        }
    }

    @Override
    public long insert(int senderId, Integer recipientId, Integer groupId, String body, LocalDateTime sentAt) {
        if (!open) {
            throw new IllegalStateException("the message store is closed");
        }
        Pending pending = new Pending(new NewChat(senderId, recipientId, groupId, body, sentAt),
                new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.id().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public long[] insertAll(List<NewChat> chats) {
        return dao.insertAll(chats);
    }

    @Override
    public List<ChatRow> conversation(int userId, int otherId, long beforeId, int limit) {
        return dao.conversation(userId, otherId, beforeId, limit);
    }

    @Override
    public List<ChatRow> groupHistory(int groupId, long beforeId, int limit) {
        return dao.groupHistory(groupId, beforeId, limit);
    }

    private void writeBatches() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            long[] ids = dao.insertAll(batch.stream().map(Pending::chat).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).id().complete(ids[i]);
            }
        } catch (RuntimeException e) {
            log.warn("storing {} chat messages failed: {}", batch.size(), e.toString());
            batch.forEach(p -> p.id().completeExceptionally(e));
        }
    }

    /** Writes what is queued, then stops the writers. */
    @Override
    public void close() {
        open = false;
        for (Thread writer : writers) {
            try {
                writer.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
