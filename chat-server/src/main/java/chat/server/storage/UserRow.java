package chat.server.storage;

/** A row of {@code user}; {@code password} is the salted hash, never the password itself. */
public record UserRow(int id, String name, String password) {
    @Override
    public String toString() {
        return "UserRow[id=" + id + ", name=" + name + "]";
    }
}
