package chat.core;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Every key the protocol uses, written once: {@link Fields} reads and {@link FieldWriter} writes only these, so
 * a message's read and write cannot disagree on a spelling. The names are the original's where it had them.
 */
enum FieldName {
    MSGID("msgid"),
    SEQ("seq"),
    ID("id"),
    NAME("name"),
    PASSWORD("password"),
    TOKEN("token"),
    ERRNO("errno"),
    ERRMSG("errmsg"),
    REQ("req"),
    FRIENDS("friends"),
    GROUPS("groups"),
    OFFLINEMSG("offlinemsg"),
    TOID("toid"),
    MSG("msg"),
    TIME("time"),
    MID("mid"),
    FRIENDID("friendid"),
    GROUPID("groupid"),
    GROUPNAME("groupname"),
    GROUPDESC("groupdesc"),
    FRIEND("friend"),
    GROUP("group"),
    USERS("users"),
    STATE("state"),
    ROLE("role"),
    WITH("with"),
    BEFORE("before"),
    LIMIT("limit"),
    MESSAGES("messages"),
    AFTER("after"),
    MORE("more"),
    CURSOR("cursor"),
    USER("user"),
    MEMBER("member"),
    CREATOR("creator"),
    NEWPASSWORD("newpassword");

    private final String wire;
    // Encoded to quoted UTF-8 once, instead of once per message written.
    private final SerializableString serialized;

    FieldName(String wire) {
        this.wire = wire;
        this.serialized = new SerializedString(wire);
    }

    /** The key as it appears in the JSON. */
    String wire() {
        return wire;
    }

    SerializableString serialized() {
        return serialized;
    }
}
