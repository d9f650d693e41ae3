package chat.client;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Chats typed while there is no session to send them on, in the order typed. It holds them from the moment the
 * connection is lost until the user is logged back in and the queue has been emptied, so a chat typed meanwhile
 * cannot overtake one queued before it. Each loss starts a new round: a round that is emptied while a newer
 * loss holds again stops, and the next login sends the rest.
 */
final class ChatQueue {
    private final ReentrantLock lock = new ReentrantLock();
    private final Queue<Command.Outgoing> waiting = new ArrayDeque<>();
    private boolean holding;
    private long round;
    private int givenUp;

    /** The connection is lost: chats wait from now on. */
    void hold() {
        lock.lock();
        try {
            holding = true;
            round++;
        } finally {
            lock.unlock();
        }
    }

    /** Queues a chat if chats wait now; false if not. */
    boolean offer(Command.Outgoing chat) {
        lock.lock();
        try {
            if (holding) {
                waiting.add(chat);
            }
            return holding;
        } finally {
            lock.unlock();
        }
    }

    /** The round a sender empties; see {@link #next}. */
    long round() {
        lock.lock();
        try {
            return round;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next chat to send in {@code round}, or empty when there is none: then chats no longer wait, unless a
     * newer loss has begun another round.
     */
    Optional<Command.Outgoing> next(long round) {
        lock.lock();
        try {
            if (round != this.round) {
                return Optional.empty();
            }
            Command.Outgoing next = waiting.poll();
            if (next == null) {
                holding = false;
            }
            return Optional.ofNullable(next);
        } finally {
            lock.unlock();
        }
    }

    /** A queued chat was sent but not taken (refused, or the connection went down again before its ack). */
    void failed() {
        lock.lock();
        try {
            givenUp++;
        } finally {
            lock.unlock();
        }
    }

    /** How many queued chats were dropped or failed: for a script, commands that failed late. */
    int givenUp() {
        lock.lock();
        try {
            return givenUp;
        } finally {
            lock.unlock();
        }
    }

    /** Empties the queue without sending (at logout, or when logging back in failed), returning what was in it. */
    List<Command.Outgoing> drop() {
        lock.lock();
        try {
            List<Command.Outgoing> dropped = List.copyOf(waiting);
            waiting.clear();
            holding = false;
            givenUp += dropped.size();
            return dropped;
        } finally {
            lock.unlock();
        }
    }
}
