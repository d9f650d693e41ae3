package chat.server.storage;

/** A row of {@code offlinemessage}: the encoded message, exactly as it will go out in the login ack. */
public record OfflineRow(long id, int userid, String message) {
}
