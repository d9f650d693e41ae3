package chat.client;

import chat.core.Message;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Requests waiting for their answer, by seq. An entry leaves the table however its future completes. */
final class Pending {
    private final Map<Integer, CompletableFuture<Message>> waiting = new ConcurrentHashMap<>();

    CompletableFuture<Message> open(int seq) {
        CompletableFuture<Message> answer = new CompletableFuture<>();
        waiting.put(seq, answer);
        answer.whenComplete((message, failure) -> waiting.remove(seq, answer));
        return answer;
    }

    /** Completes the request this message answers; false when nothing waits for it. */
    boolean complete(Message message) {
        Integer seq = message.seq();
        CompletableFuture<Message> answer = seq == null ? null : waiting.get(seq);
        return answer != null && answer.complete(message);
    }

    void fail(int seq, Throwable why) {
        CompletableFuture<Message> answer = waiting.get(seq);
        if (answer != null) {
            answer.completeExceptionally(why);
        }
    }

    void failAll(Throwable why) {
        List.copyOf(waiting.values()).forEach(answer -> answer.completeExceptionally(why));
    }
}
