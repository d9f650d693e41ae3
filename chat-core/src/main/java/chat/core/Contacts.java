package chat.core;

import java.util.List;

/** The rows of a user's contact list, as the login ack and the contacts ack carry them. */
public final class Contacts {
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";
    public static final String CREATOR = "creator";
    public static final String NORMAL = "normal";

    private Contacts() {
    }

    /** {@code state} is {@link #ONLINE} or {@link #OFFLINE}. */
    public record Friend(int id, String name, String state) {
    }

    /** {@code role} is {@link #CREATOR} or {@link #NORMAL}. */
    public record Member(int id, String name, String state, String role) {
    }

    public record Group(int id, String groupname, String groupdesc, List<Member> users) {
        public Group {
            users = List.copyOf(users);
        }
    }

    /** One stored chat; {@code toid} is set for one-to-one chat, {@code groupid} for group chat. */
    public record HistoryEntry(long mid, int id, String name, Integer toid, Integer groupid, String msg, String time) {
    }
}
