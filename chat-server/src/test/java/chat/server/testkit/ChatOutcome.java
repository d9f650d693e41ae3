package chat.server.testkit;

import chat.core.Message;
import chat.core.Message.OneChatAck;

/** What became of a chat a {@link SyncingClient} sent. */
public sealed interface ChatOutcome {
    /** Stored: the server acked it with its mid. */
    record Acked(long mid) implements ChatOutcome {
    }

    /** The server answered with an error (errno 10: not stored, though perhaps delivered live). */
    record Refused(int errno, String errmsg) implements ChatOutcome {
    }

    /** No answer: the connection went first. Stored or not, delivered or not, the sender cannot tell. */
    record Lost(String why) implements ChatOutcome {
    }

    /** The outcome an answer to the chat (or its {@code failure}, when there was none) tells. */
    static ChatOutcome of(Message answer, Throwable failure) {
        return switch (answer) {
            case OneChatAck ack -> new Acked(ack.mid());
            case Message.Error error -> new Refused(error.errno(), error.errmsg());
            case null -> new Lost(failure.getMessage());
            default -> new Lost("answered with " + answer);
        };
    }
}
