package chat.server.storage;

/** A member left a group; {@code newCreator} is the member who became its creator, when the one who left was. */
public record Departure(Integer newCreator) {
}
