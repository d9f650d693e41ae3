package chat.core;

import static chat.core.FieldName.GROUPDESC;
import static chat.core.FieldName.GROUPID;
import static chat.core.FieldName.GROUPNAME;
import static chat.core.FieldName.ID;
import static chat.core.FieldName.MID;
import static chat.core.FieldName.MSG;
import static chat.core.FieldName.NAME;
import static chat.core.FieldName.ROLE;
import static chat.core.FieldName.STATE;
import static chat.core.FieldName.TIME;
import static chat.core.FieldName.TOID;
import static chat.core.FieldName.USERS;

import java.io.IOException;
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
        static Friend read(Fields f) throws ProtocolException {
            return new Friend(f.requireInt(ID), f.requireString(NAME), f.requireString(STATE));
        }

        void write(FieldWriter out) throws IOException {
            out.number(ID, id);
            out.string(NAME, name);
            out.string(STATE, state);
        }
    }

    /** {@code role} is {@link #CREATOR} or {@link #NORMAL}. */
    public record Member(int id, String name, String state, String role) {
        static Member read(Fields f) throws ProtocolException {
            return new Member(f.requireInt(ID), f.requireString(NAME), f.requireString(STATE),
                    f.requireString(ROLE));
        }

        void write(FieldWriter out) throws IOException {
            out.number(ID, id);
            out.string(NAME, name);
            out.string(STATE, state);
            out.string(ROLE, role);
        }
    }

    public record Group(int id, String groupname, String groupdesc, List<Member> users) {
        public Group {
            users = List.copyOf(users);
        }

        static Group read(Fields f) throws ProtocolException {
            return new Group(f.requireInt(ID), f.requireString(GROUPNAME), f.requireString(GROUPDESC),
                    f.objects(USERS, Member::read));
        }

        void write(FieldWriter out) throws IOException {
            writeHead(out);
            out.objects(USERS, users, Member::write);
        }

        /** As the login ack carries a group: each member is the JSON text of its object. */
        void writeWithMemberTexts(FieldWriter out) throws IOException {
            writeHead(out);
            out.objectTexts(USERS, users, Member::write);
        }

        private void writeHead(FieldWriter out) throws IOException {
            out.number(ID, id);
            out.string(GROUPNAME, groupname);
            out.string(GROUPDESC, groupdesc);
        }
    }

    /** One stored chat; {@code toid} is set for one-to-one chat, {@code groupid} for group chat. */
    public record HistoryEntry(long mid, int id, String name, Integer toid, Integer groupid, String msg, String time) {
        static HistoryEntry read(Fields f) throws ProtocolException {
            return new HistoryEntry(f.requireLong(MID), f.requireInt(ID), f.requireString(NAME),
                    f.optionalInt(TOID), f.optionalInt(GROUPID), f.requireString(MSG), f.requireString(TIME));
        }

        void write(FieldWriter out) throws IOException {
            out.number(MID, mid);
            out.number(ID, id);
            out.string(NAME, name);
            out.optional(TOID, toid);
            out.optional(GROUPID, groupid);
            out.string(MSG, msg);
            out.string(TIME, time);
        }
    }
}
