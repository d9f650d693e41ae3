package chat.server.storage;

/** A member of a group, joined from {@code groupuser} and {@code user}; {@code role} is creator or normal. */
public record MemberRow(int groupId, int id, String name, String role) {
}
