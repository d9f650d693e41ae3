package chat.core;

/**
 * Every key the protocol uses, written once so that no message can misspell one. The names are the original's
 * where it had them.
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
    MESSAGES("messages");

    private final String wire;

    FieldName(String wire) {
        this.wire = wire;
    }

    /** The key as it appears in the JSON. */
    String wire() {
        return wire;
    }
}
