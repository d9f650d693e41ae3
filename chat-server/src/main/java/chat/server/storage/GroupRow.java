package chat.server.storage;

/** A row of {@code allgroup}. */
public record GroupRow(int id, String groupname, String groupdesc) {
}
