package chat.server.cluster;

import chat.server.testkit.ChatOutcome;
import chat.server.testkit.SyncingClient;
import chat.server.testkit.SyncingClient.Delivered;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every chat a test sent, by its text (unique: sender and counter), with what became of it, and the reckoning at
 * the end: did every acked chat reach its recipient exactly once, and did nothing reach anyone that was not sent
 * to them?
 */
final class ChatLedger {
    /** A chat as sent: who to whom, when (epoch ms), through which node's port, and its outcome. */
    record Sent(String text, int from, int to, long atMillis, int port, CompletableFuture<ChatOutcome> outcome) {
        ChatOutcome settled() {
            return outcome.getNow(new ChatOutcome.Lost("no answer by the end"));
        }
    }

    /** One thing wrong with one chat. */
    record Problem(String what, Sent sent, Delivered delivered) {
    }

    /** The counts of a run, and what is wrong. */
    record Tally(int sent, int acked, Map<Integer, Integer> refusedByErrno, int lost, int delivered, int duplicates,
                 int refusedButDelivered, int lostButDelivered, List<Problem> problems) {
        String summary() {
            return String.format("sent %d, acked %d, refused %d (by errno %s), no answer %d, delivered %d, "
                            + "duplicates dropped %d, unacked but delivered %d (%d refused, %d unanswered), "
                            + "problems %d", sent, acked, refusedByErrno.values().stream().mapToInt(Integer::intValue)
                            .sum(), refusedByErrno, lost, delivered, duplicates,
                    refusedButDelivered + lostButDelivered, refusedButDelivered, lostButDelivered, problems.size());
        }
    }

    private final Map<String, Sent> sent = new ConcurrentHashMap<>();

    void add(Sent chat) {
        if (sent.putIfAbsent(chat.text(), chat) != null) {
            throw new IllegalArgumentException("two chats with the text " + chat.text());
        }
    }

    /** Waits for every outcome, at most until {@code deadlineNanos}; returns how many are still open. */
    int awaitOutcomes(long deadlineNanos) {
        int open = 0;
        for (Sent chat : sent.values()) {
            try {
                chat.outcome().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                open++;
            } catch (Exception e) {
                throw new IllegalStateException("outcomes complete, never fail", e);
            }
        }
        return open;
    }

    Tally reckon(Collection<SyncingClient> clients) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Delivered> reached = new ConcurrentHashMap<>();
        int delivered = 0;
        int duplicates = 0;
        for (SyncingClient client : clients) {
            duplicates += client.duplicatesDropped();
            for (Delivered chat : client.delivered()) {
                delivered++;
                Sent original = sent.get(chat.text());
                if (original == null || original.from() != chat.from() || original.to() != client.userId()) {
                    problems.add(new Problem("reached user " + client.userId() + " but was not sent to them",
                            original, chat));
                } else if (reached.putIfAbsent(chat.text(), chat) != null) {
                    problems.add(new Problem("reached its recipient twice, the first time as mid "
                            + reached.get(chat.text()).mid(), original, chat));
                } else if (original.settled() instanceof ChatOutcome.Acked(long mid) && mid != chat.mid()) {
                    problems.add(new Problem("came with another mid than its ack's " + mid, original, chat));
                }
            }
        }
        int acked = 0;
        int lost = 0;
        int refusedButDelivered = 0;
        int lostButDelivered = 0;
        Map<Integer, Integer> refused = new TreeMap<>();
        for (Sent chat : sent.values()) {
            boolean arrived = reached.containsKey(chat.text());
            switch (chat.settled()) {
                case ChatOutcome.Acked ack -> {
                    acked++;
                    if (!arrived) {
                        problems.add(new Problem("acked as mid " + ack.mid() + " but never reached its recipient",
                                chat, null));
                    }
                }
                case ChatOutcome.Refused no -> {
                    refused.merge(no.errno(), 1, Integer::sum);
                    refusedButDelivered += arrived ? 1 : 0;
                }
                case ChatOutcome.Lost gone -> {
                    lost++;
                    lostButDelivered += arrived ? 1 : 0;
                }
            }
        }
        return new Tally(sent.size(), acked, refused, lost, delivered, duplicates, refusedButDelivered,
                lostButDelivered, problems);
    }
}
