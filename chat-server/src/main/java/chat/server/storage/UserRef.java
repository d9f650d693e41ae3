package chat.server.storage;

/** A user as others see them. */
public record UserRef(int id, String name) {
}
