package chat.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every message on the wire, with its {@code msgid}. Numbers 1–10 are the original C++ server's and never
 * change; everything this server adds takes a number above 10.
 */
public enum MessageType {
    LOGIN(1),
    LOGIN_ACK(2),
    LOGOUT(3),
    REGISTER(4),
    REGISTER_ACK(5),
    ONE_CHAT(6),
    ADD_FRIEND(7),
    CREATE_GROUP(8),
    JOIN_GROUP(9),
    GROUP_CHAT(10),
    ERROR(11),
    LOGOUT_ACK(12),
    ONE_CHAT_ACK(13),
    ADD_FRIEND_ACK(14),
    CREATE_GROUP_ACK(15),
    JOIN_GROUP_ACK(16),
    GROUP_CHAT_ACK(17),
    HISTORY(18),
    HISTORY_ACK(19),
    PING(20),
    PONG(21),
    CONTACTS(22),
    CONTACTS_ACK(23);

    private static final Map<Integer, MessageType> BY_ID = new HashMap<>();

    static {
        for (MessageType type : values()) {
            BY_ID.put(type.id, type);
        }
    }

    private final int id;

    MessageType(int id) {
        this.id = id;
    }

    /** The {@code msgid} this type travels under. */
    public int id() {
        return id;
    }

    public static Optional<MessageType> byId(int id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
