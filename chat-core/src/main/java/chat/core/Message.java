package chat.core;

import static chat.core.FieldName.AFTER;
import static chat.core.FieldName.BEFORE;
import static chat.core.FieldName.CREATOR;
import static chat.core.FieldName.CURSOR;
import static chat.core.FieldName.ERRMSG;
import static chat.core.FieldName.ERRNO;
import static chat.core.FieldName.FRIEND;
import static chat.core.FieldName.FRIENDID;
import static chat.core.FieldName.FRIENDS;
import static chat.core.FieldName.GROUP;
import static chat.core.FieldName.GROUPDESC;
import static chat.core.FieldName.GROUPID;
import static chat.core.FieldName.GROUPNAME;
import static chat.core.FieldName.GROUPS;
import static chat.core.FieldName.ID;
import static chat.core.FieldName.LIMIT;
import static chat.core.FieldName.MEMBER;
import static chat.core.FieldName.MESSAGES;
import static chat.core.FieldName.MID;
import static chat.core.FieldName.MORE;
import static chat.core.FieldName.MSG;
import static chat.core.FieldName.NAME;
import static chat.core.FieldName.NEWPASSWORD;
import static chat.core.FieldName.OFFLINEMSG;
import static chat.core.FieldName.PASSWORD;
import static chat.core.FieldName.REQ;
import static chat.core.FieldName.TIME;
import static chat.core.FieldName.TOID;
import static chat.core.FieldName.TOKEN;
import static chat.core.FieldName.USER;
import static chat.core.FieldName.WITH;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.HistoryEntry;
import chat.core.Contacts.Member;
import java.io.IOException;
import java.util.List;

/**
 * Every message either side sends, one record per {@link MessageType}. Each record is the whole definition of
 * its message: its fields (named as on the wire), its {@code read} from the JSON object's {@link Fields},
 * which {@link MessageType} registers under the msgid, and its {@link #write}.
 *
 * <p>{@code seq} is ours: a client that sends it gets a definite answer to every request, echoing the same
 * {@code seq}. The original C++ client never sends it, so it only ever receives what the original server sent.
 * {@code id} in a request is the sender's id as the client claims it; the server refuses a request whose
 * {@code id} is not the session's user.
 */
public sealed interface Message {

    MessageType type();

    /** Request number chosen by the client, echoed in the answer; null when the client sent none. */
    Integer seq();

    /**
     * Writes this message's own fields; {@link Codec} writes {@code msgid} before them and {@code seq} after.
     * Public only because interface methods must be: nothing outside chat-core can make a {@link FieldWriter}.
     */
    void write(FieldWriter out) throws IOException;

    /**
     * Logs in by {@code id} or by {@code name} (exactly one of them; a name is compared in the form {@link Names}
     * gives), with the password, or with {@code token}, a resume token from an earlier login ack, which skips the
     * slow password check when a client reconnects.
     */
    record Login(Integer seq, Integer id, String name, String password, String token) implements Message {
        public Login(Integer seq, int id, String password) {
            this(seq, id, null, password, null);
        }

        public Login(Integer seq, int id, String password, String token) {
            this(seq, id, null, password, token);
        }

        public static Login byName(Integer seq, String name, String password) {
            return new Login(seq, null, name, password, null);
        }

        public MessageType type() {
            return MessageType.LOGIN;
        }

        static Login read(Fields f) throws ProtocolException {
            Integer id = f.optionalInt(ID);
            String name = f.optionalName(NAME, Limits.MAX_NAME_CHARS);
            if ((id == null) == (name == null)) {
                throw f.bad("give exactly one of 'id' or 'name'");
            }
            String token = f.optionalString(TOKEN, Limits.MAX_TOKEN_CHARS);
            if (token != null) {
                return new Login(f.seq(), id, name, null, token);
            }
            return new Login(f.seq(), id, name, f.requireString(PASSWORD, Limits.MAX_PASSWORD_CHARS), null);
        }

        public void write(FieldWriter out) throws IOException {
            out.optional(ID, id);
            out.optional(NAME, name);
            out.optional(PASSWORD, password);
            out.optional(TOKEN, token);
        }

        @Override
        public String toString() {
            return "Login[seq=" + seq + ", id=" + id + ", name=" + name + "]";
        }
    }

    /**
     * On success {@code errno} is 0 and {@code errmsg} null. {@code offlinemsg} holds, for the original client, the
     * chats that waited for it (as many as fit; the rest follow the ack), each the JSON text of the delivered chat.
     * A client that sends {@code seq} gets none there (it syncs), and instead {@code token}, a resume token for the
     * next {@link Login}, and {@code cursor}, where the server's record of what reached it stands: its first sync
     * starts from the older of that and its own position (see {@link Sync}).
     */
    record LoginAck(Integer seq, int errno, String errmsg, Integer id, String name, List<Friend> friends,
                    List<Group> groups, List<String> offlinemsg, String token, Long cursor) implements Message {
        public LoginAck {
            friends = friends == null ? List.of() : List.copyOf(friends);
            groups = groups == null ? List.of() : List.copyOf(groups);
            offlinemsg = offlinemsg == null ? List.of() : List.copyOf(offlinemsg);
        }

        public LoginAck(Integer seq, int errno, String errmsg, Integer id, String name, List<Friend> friends,
                        List<Group> groups, List<String> offlinemsg) {
            this(seq, errno, errmsg, id, name, friends, groups, offlinemsg, null, null);
        }

        public static LoginAck failed(Integer seq, ErrorCode code, String errmsg) {
            return new LoginAck(seq, code.code(), errmsg, null, null, null, null, null, null, null);
        }

        public MessageType type() {
            return MessageType.LOGIN_ACK;
        }

        static LoginAck read(Fields f) throws ProtocolException {
            return new LoginAck(f.seq(), f.requireInt(ERRNO), f.optionalString(ERRMSG), f.optionalInt(ID),
                    f.optionalString(NAME), f.objects(FRIENDS, Friend::read), f.objects(GROUPS, Group::read),
                    f.texts(OFFLINEMSG), f.optionalString(TOKEN, Limits.MAX_TOKEN_CHARS), f.optionalLong(CURSOR));
        }

        /**
         * The original server's shape: each list only when non-empty, and friends, groups and each group's
         * users as JSON text, because the original client parses every element again.
         */
        public void write(FieldWriter out) throws IOException {
            out.number(ERRNO, errno);
            out.optional(ERRMSG, errmsg);
            out.optional(ID, id);
            out.optional(NAME, name);
            if (!friends.isEmpty()) {
                out.objectTexts(FRIENDS, friends, Friend::write);
            }
            if (!groups.isEmpty()) {
                out.objectTexts(GROUPS, groups, Group::writeWithMemberTexts);
            }
            if (!offlinemsg.isEmpty()) {
                out.texts(OFFLINEMSG, offlinemsg);
            }
            out.optional(TOKEN, token);
            out.optional(CURSOR, cursor);
        }

        @Override
        public String toString() {
            return "LoginAck[seq=" + seq + ", errno=" + errno + ", id=" + id + ", friends=" + friends.size()
                    + ", groups=" + groups.size() + ", offlinemsg=" + offlinemsg.size() + "]";
        }
    }

    record Logout(Integer seq, Integer id) implements Message {
        public MessageType type() {
            return MessageType.LOGOUT;
        }

        static Logout read(Fields f) throws ProtocolException {
            return new Logout(f.seq(), f.optionalInt(ID));
        }

        public void write(FieldWriter out) throws IOException {
            out.optional(ID, id);
        }
    }

    record Register(Integer seq, String name, String password) implements Message {
        public MessageType type() {
            return MessageType.REGISTER;
        }

        static Register read(Fields f) throws ProtocolException {
            return new Register(f.seq(), f.requireName(NAME, Limits.MAX_NAME_CHARS),
                    f.requireString(PASSWORD, Limits.MAX_PASSWORD_CHARS));
        }

        public void write(FieldWriter out) throws IOException {
            out.string(NAME, name);
            out.string(PASSWORD, password);
        }

        @Override
        public String toString() {
            return "Register[seq=" + seq + ", name=" + name + "]";
        }
    }

    record RegisterAck(Integer seq, int errno, String errmsg, Integer id) implements Message {
        public MessageType type() {
            return MessageType.REGISTER_ACK;
        }

        static RegisterAck read(Fields f) throws ProtocolException {
            return new RegisterAck(f.seq(), f.requireInt(ERRNO), f.optionalString(ERRMSG), f.optionalInt(ID));
        }

        public void write(FieldWriter out) throws IOException {
            out.number(ERRNO, errno);
            out.optional(ERRMSG, errmsg);
            out.optional(ID, id);
        }
    }

    /**
     * A one-to-one chat. As a request only {@code toid} and {@code msg} matter; as delivered, {@code id},
     * {@code name}, {@code time} and {@code mid} (the server's message id) are the server's.
     */
    record OneChat(Integer seq, Integer id, String name, int toid, String msg, String time, Long mid)
            implements Message {
        public MessageType type() {
            return MessageType.ONE_CHAT;
        }

        static OneChat read(Fields f) throws ProtocolException {
            return new OneChat(f.seq(), f.optionalInt(ID), f.optionalString(NAME), f.requireInt(TOID),
                    f.requireString(MSG, Limits.MAX_MESSAGE_CHARS), f.optionalString(TIME), f.optionalLong(MID));
        }

        public void write(FieldWriter out) throws IOException {
            out.optional(ID, id);
            out.optional(NAME, name);
            out.number(TOID, toid);
            out.string(MSG, msg);
            out.optional(TIME, time);
            out.optional(MID, mid);
        }
    }

    record AddFriend(Integer seq, Integer id, int friendid) implements Message {
        public MessageType type() {
            return MessageType.ADD_FRIEND;
        }

        static AddFriend read(Fields f) throws ProtocolException {
            return new AddFriend(f.seq(), f.optionalInt(ID), f.requireInt(FRIENDID));
        }

        public void write(FieldWriter out) throws IOException {
            out.optional(ID, id);
            out.number(FRIENDID, friendid);
        }
    }

    record CreateGroup(Integer seq, Integer id, String groupname, String groupdesc) implements Message {
        public MessageType type() {
            return MessageType.CREATE_GROUP;
        }

        static CreateGroup read(Fields f) throws ProtocolException {
            return new CreateGroup(f.seq(), f.optionalInt(ID), f.requireName(GROUPNAME, Limits.MAX_GROUP_NAME_CHARS),
                    f.optionalString(GROUPDESC, Limits.MAX_GROUP_DESC_CHARS));
        }

        public void write(FieldWriter out) throws IOException {
            out.optional(ID, id);
            out.string(GROUPNAME, groupname);
            out.optional(GROUPDESC, groupdesc);
        }
    }

    record JoinGroup(Integer seq, Integer id, int groupid) implements Message {
        public MessageType type() {
            return MessageType.JOIN_GROUP;
        }

        static JoinGroup read(Fields f) throws ProtocolException {
            return new JoinGroup(f.seq(), f.optionalInt(ID), f.requireInt(GROUPID));
        }

        public void write(FieldWriter out) throws IOException {
            out.optional(ID, id);
            out.number(GROUPID, groupid);
        }
    }

    /** A group chat; like {@link OneChat}, the delivered copy carries the server's sender, time and mid. */
    record GroupChat(Integer seq, Integer id, String name, int groupid, String msg, String time, Long mid)
            implements Message {
        public MessageType type() {
            return MessageType.GROUP_CHAT;
        }

        static GroupChat read(Fields f) throws ProtocolException {
            return new GroupChat(f.seq(), f.optionalInt(ID), f.optionalString(NAME), f.requireInt(GROUPID),
                    f.requireString(MSG, Limits.MAX_MESSAGE_CHARS), f.optionalString(TIME), f.optionalLong(MID));
        }

        public void write(FieldWriter out) throws IOException {
            out.optional(ID, id);
            out.optional(NAME, name);
            out.number(GROUPID, groupid);
            out.string(MSG, msg);
            out.optional(TIME, time);
            out.optional(MID, mid);
        }
    }

    /** {@code req} is the msgid of the refused request, when it could be read. */
    record Error(Integer seq, Integer req, int errno, String errmsg) implements Message {
        public MessageType type() {
            return MessageType.ERROR;
        }

        static Error read(Fields f) throws ProtocolException {
            return new Error(f.seq(), f.optionalInt(REQ), f.requireInt(ERRNO), f.requireString(ERRMSG));
        }

        public void write(FieldWriter out) throws IOException {
            out.optional(REQ, req);
            out.number(ERRNO, errno);
            out.string(ERRMSG, errmsg);
        }
    }

    record LogoutAck(Integer seq) implements Message {
        public MessageType type() {
            return MessageType.LOGOUT_ACK;
        }

        static LogoutAck read(Fields f) {
            return new LogoutAck(f.seq());
        }

        public void write(FieldWriter out) {
            // msgid and seq say it all
        }
    }

    record OneChatAck(Integer seq, long mid, String time) implements Message {
        public MessageType type() {
            return MessageType.ONE_CHAT_ACK;
        }

        static OneChatAck read(Fields f) throws ProtocolException {
            return new OneChatAck(f.seq(), f.requireLong(MID), f.requireString(TIME, 64));
        }

        public void write(FieldWriter out) throws IOException {
            out.number(MID, mid);
            out.string(TIME, time);
        }
    }

    record AddFriendAck(Integer seq, Friend friend) implements Message {
        public MessageType type() {
            return MessageType.ADD_FRIEND_ACK;
        }

        static AddFriendAck read(Fields f) throws ProtocolException {
            return new AddFriendAck(f.seq(), f.object(FRIEND, Friend::read));
        }

        public void write(FieldWriter out) throws IOException {
            out.object(FRIEND, friend, Friend::write);
        }
    }

    record CreateGroupAck(Integer seq, Group group) implements Message {
        public MessageType type() {
            return MessageType.CREATE_GROUP_ACK;
        }

        static CreateGroupAck read(Fields f) throws ProtocolException {
            return new CreateGroupAck(f.seq(), f.object(GROUP, Group::read));
        }

        public void write(FieldWriter out) throws IOException {
            out.object(GROUP, group, Group::write);
        }
    }

    record JoinGroupAck(Integer seq, Group group) implements Message {
        public MessageType type() {
            return MessageType.JOIN_GROUP_ACK;
        }

        static JoinGroupAck read(Fields f) throws ProtocolException {
            return new JoinGroupAck(f.seq(), f.object(GROUP, Group::read));
        }

        public void write(FieldWriter out) throws IOException {
            out.object(GROUP, group, Group::write);
        }
    }

    record GroupChatAck(Integer seq, long mid, String time) implements Message {
        public MessageType type() {
            return MessageType.GROUP_CHAT_ACK;
        }

        static GroupChatAck read(Fields f) throws ProtocolException {
            return new GroupChatAck(f.seq(), f.requireLong(MID), f.requireString(TIME, 64));
        }

        public void write(FieldWriter out) throws IOException {
            out.number(MID, mid);
            out.string(TIME, time);
        }
    }

    /**
     * Asks for a page of stored chats, newest first: with a friend ({@code with}) or in a group
     * ({@code groupid}), older than message id {@code before} when given.
     */
    record History(Integer seq, Integer id, Integer with, Integer groupid, Long before, Integer limit)
            implements Message {
        public MessageType type() {
            return MessageType.HISTORY;
        }

        static History read(Fields f) throws ProtocolException {
            Integer with = f.optionalInt(WITH);
            Integer groupid = f.optionalInt(GROUPID);
            if ((with == null) == (groupid == null)) {
                throw f.bad("give exactly one of 'with' (a friend's id) or 'groupid'");
            }
            Integer limit = f.optionalInt(LIMIT);
            if (limit != null && (limit < 1 || limit > Limits.MAX_HISTORY_PAGE)) {
                throw f.bad("field 'limit' must be between 1 and " + Limits.MAX_HISTORY_PAGE);
            }
            return new History(f.seq(), f.optionalInt(ID), with, groupid, f.optionalLong(BEFORE), limit);
        }

        public void write(FieldWriter out) throws IOException {
            out.optional(ID, id);
            out.optional(WITH, with);
            out.optional(GROUPID, groupid);
            out.optional(BEFORE, before);
            out.optional(LIMIT, limit);
        }
    }

    /** Newest first; an empty list means there is nothing older. */
    record HistoryAck(Integer seq, List<HistoryEntry> messages) implements Message {
        public HistoryAck {
            messages = List.copyOf(messages);
        }

        public MessageType type() {
            return MessageType.HISTORY_ACK;
        }

        static HistoryAck read(Fields f) throws ProtocolException {
            return new HistoryAck(f.seq(), f.objects(MESSAGES, HistoryEntry::read));
        }

        public void write(FieldWriter out) throws IOException {
            out.objects(MESSAGES, messages, HistoryEntry::write);
        }
    }

    /** Keeps idle connections alive through proxies; allowed before login. */
    record Ping(Integer seq) implements Message {
        public MessageType type() {
            return MessageType.PING;
        }

        static Ping read(Fields f) {
            return new Ping(f.seq());
        }

        public void write(FieldWriter out) {
            // msgid and seq say it all
        }
    }

    record Pong(Integer seq) implements Message {
        public MessageType type() {
            return MessageType.PONG;
        }

        static Pong read(Fields f) {
            return new Pong(f.seq());
        }

        public void write(FieldWriter out) {
            // msgid and seq say it all
        }
    }

    /** Asks for the current friend and group lists, with fresh online states. */
    record ContactsRequest(Integer seq, Integer id) implements Message {
        public MessageType type() {
            return MessageType.CONTACTS;
        }

        static ContactsRequest read(Fields f) throws ProtocolException {
            return new ContactsRequest(f.seq(), f.optionalInt(ID));
        }

        public void write(FieldWriter out) throws IOException {
            out.optional(ID, id);
        }
    }

    /** Unlike the login ack, the lists are always present and hold objects, not JSON text. */
    record ContactsAck(Integer seq, List<Friend> friends, List<Group> groups) implements Message {
        public ContactsAck {
            friends = List.copyOf(friends);
            groups = List.copyOf(groups);
        }

        public MessageType type() {
            return MessageType.CONTACTS_ACK;
        }

        static ContactsAck read(Fields f) throws ProtocolException {
            return new ContactsAck(f.seq(), f.objects(FRIENDS, Friend::read), f.objects(GROUPS, Group::read));
        }

        public void write(FieldWriter out) throws IOException {
            out.objects(FRIENDS, friends, Friend::write);
            out.objects(GROUPS, groups, Group::write);
        }
    }

    /**
     * Asks for the chats this user received (one-to-one and in their groups) with a {@code mid} greater than
     * {@code after}, oldest first, a page of at most {@code limit}. Without {@code after}, from the server's
     * record of what reached the user (the login ack's {@code cursor}). Mids grow with time (see
     * docs/PROTOCOL.md), so a client that syncs from a little before its last mid, or from that record when it is
     * older, and drops mids it has seen, misses nothing and repeats nothing.
     */
    record Sync(Integer seq, Long after, Integer limit) implements Message {
        public MessageType type() {
            return MessageType.SYNC;
        }

        static Sync read(Fields f) throws ProtocolException {
            Integer limit = f.optionalInt(LIMIT);
            if (limit != null && (limit < 1 || limit > Limits.MAX_SYNC_PAGE)) {
                throw f.bad("field 'limit' must be between 1 and " + Limits.MAX_SYNC_PAGE);
            }
            return new Sync(f.seq(), f.optionalLong(AFTER), limit);
        }

        public void write(FieldWriter out) throws IOException {
            out.optional(AFTER, after);
            out.optional(LIMIT, limit);
        }
    }

    /** Oldest first; {@code more} says another page follows after the last mid of this one. */
    record SyncAck(Integer seq, List<HistoryEntry> messages, boolean more) implements Message {
        public SyncAck {
            messages = List.copyOf(messages);
        }

        public MessageType type() {
            return MessageType.SYNC_ACK;
        }

        static SyncAck read(Fields f) throws ProtocolException {
            return new SyncAck(f.seq(), f.objects(MESSAGES, HistoryEntry::read), f.requireBoolean(MORE));
        }

        public void write(FieldWriter out) throws IOException {
            out.objects(MESSAGES, messages, HistoryEntry::write);
            out.bool(MORE, more);
        }
    }

    /**
     * Tells the server that every chat up to {@code mid} has reached this client, so a later sync without
     * {@code after} (a new device, lost local state) starts there. Cheap enough to send every few seconds.
     */
    record Received(Integer seq, long mid) implements Message {
        public MessageType type() {
            return MessageType.RECEIVED;
        }

        static Received read(Fields f) throws ProtocolException {
            return new Received(f.seq(), f.requireLong(MID));
        }

        public void write(FieldWriter out) throws IOException {
            out.number(MID, mid);
        }
    }

    record ReceivedAck(Integer seq) implements Message {
        public MessageType type() {
            return MessageType.RECEIVED_ACK;
        }

        static ReceivedAck read(Fields f) {
            return new ReceivedAck(f.seq());
        }

        public void write(FieldWriter out) {
            // msgid and seq say it all
        }
    }

    /**
     * Pushed (an event): {@code friend}, online, made you their friend. Events go only to clients that logged in
     * with {@code seq}, are never stored and carry no mid: one that finds its user offline is dropped.
     */
    record FriendAdded(Integer seq, Friend friend) implements Message {
        public MessageType type() {
            return MessageType.FRIEND_ADDED;
        }

        static FriendAdded read(Fields f) throws ProtocolException {
            return new FriendAdded(f.seq(), f.object(FRIEND, Friend::read));
        }

        public void write(FieldWriter out) throws IOException {
            out.object(FRIEND, friend, Friend::write);
        }
    }

    /** Pushed (an event): {@code member} joined group {@code groupid}, which you are in. */
    record MemberJoined(Integer seq, int groupid, Member member) implements Message {
        public MessageType type() {
            return MessageType.MEMBER_JOINED;
        }

        static MemberJoined read(Fields f) throws ProtocolException {
            return new MemberJoined(f.seq(), f.requireInt(GROUPID), f.object(MEMBER, Member::read));
        }

        public void write(FieldWriter out) throws IOException {
            out.number(GROUPID, groupid);
            out.object(MEMBER, member, Member::write);
        }
    }

    /**
     * Pushed (an event): user {@code id} left group {@code groupid}, which you are in. {@code creator}, when set,
     * is the member who became the group's creator because the one who left was.
     */
    record MemberLeft(Integer seq, int groupid, int id, String name, Integer creator) implements Message {
        public MessageType type() {
            return MessageType.MEMBER_LEFT;
        }

        static MemberLeft read(Fields f) throws ProtocolException {
            return new MemberLeft(f.seq(), f.requireInt(GROUPID), f.requireInt(ID), f.requireString(NAME),
                    f.optionalInt(CREATOR));
        }

        public void write(FieldWriter out) throws IOException {
            out.number(GROUPID, groupid);
            out.number(ID, id);
            out.string(NAME, name);
            out.optional(CREATOR, creator);
        }
    }

    /** Pushed (an event): {@code friend} came online or went offline, as its {@code state} says. */
    record Presence(Integer seq, Friend friend) implements Message {
        public MessageType type() {
            return MessageType.PRESENCE;
        }

        static Presence read(Fields f) throws ProtocolException {
            return new Presence(f.seq(), f.object(FRIEND, Friend::read));
        }

        public void write(FieldWriter out) throws IOException {
            out.object(FRIEND, friend, Friend::write);
        }
    }

    /** Pushed (an event): user {@code id} removed you from their friends, and so themselves from yours. */
    record FriendRemoved(Integer seq, int id, String name) implements Message {
        public MessageType type() {
            return MessageType.FRIEND_REMOVED;
        }

        static FriendRemoved read(Fields f) throws ProtocolException {
            return new FriendRemoved(f.seq(), f.requireInt(ID), f.requireString(NAME));
        }

        public void write(FieldWriter out) throws IOException {
            out.number(ID, id);
            out.string(NAME, name);
        }
    }

    /** Looks a user up by name, compared in the form {@link Names} gives. */
    record FindUser(Integer seq, String name) implements Message {
        public MessageType type() {
            return MessageType.FIND_USER;
        }

        static FindUser read(Fields f) throws ProtocolException {
            return new FindUser(f.seq(), f.requireName(NAME, Limits.MAX_NAME_CHARS));
        }

        public void write(FieldWriter out) throws IOException {
            out.string(NAME, name);
        }
    }

    /** The user found, with their online state. */
    record FindUserAck(Integer seq, Friend user) implements Message {
        public MessageType type() {
            return MessageType.FIND_USER_ACK;
        }

        static FindUserAck read(Fields f) throws ProtocolException {
            return new FindUserAck(f.seq(), f.object(USER, Friend::read));
        }

        public void write(FieldWriter out) throws IOException {
            out.object(USER, user, Friend::write);
        }
    }

    record LeaveGroup(Integer seq, int groupid) implements Message {
        public MessageType type() {
            return MessageType.LEAVE_GROUP;
        }

        static LeaveGroup read(Fields f) throws ProtocolException {
            return new LeaveGroup(f.seq(), f.requireInt(GROUPID));
        }

        public void write(FieldWriter out) throws IOException {
            out.number(GROUPID, groupid);
        }
    }

    record LeaveGroupAck(Integer seq, int groupid) implements Message {
        public MessageType type() {
            return MessageType.LEAVE_GROUP_ACK;
        }

        static LeaveGroupAck read(Fields f) throws ProtocolException {
            return new LeaveGroupAck(f.seq(), f.requireInt(GROUPID));
        }

        public void write(FieldWriter out) throws IOException {
            out.number(GROUPID, groupid);
        }
    }

    /** Ends a friendship, both ways, as adding one began it both ways. */
    record RemoveFriend(Integer seq, int friendid) implements Message {
        public MessageType type() {
            return MessageType.REMOVE_FRIEND;
        }

        static RemoveFriend read(Fields f) throws ProtocolException {
            return new RemoveFriend(f.seq(), f.requireInt(FRIENDID));
        }

        public void write(FieldWriter out) throws IOException {
            out.number(FRIENDID, friendid);
        }
    }

    record RemoveFriendAck(Integer seq, int friendid) implements Message {
        public MessageType type() {
            return MessageType.REMOVE_FRIEND_ACK;
        }

        static RemoveFriendAck read(Fields f) throws ProtocolException {
            return new RemoveFriendAck(f.seq(), f.requireInt(FRIENDID));
        }

        public void write(FieldWriter out) throws IOException {
            out.number(FRIENDID, friendid);
        }
    }

    /** Replaces the logged-in user's password; {@code password} is the current one. */
    record ChangePassword(Integer seq, String password, String newpassword) implements Message {
        public MessageType type() {
            return MessageType.CHANGE_PASSWORD;
        }

        static ChangePassword read(Fields f) throws ProtocolException {
            return new ChangePassword(f.seq(), f.requireString(PASSWORD, Limits.MAX_PASSWORD_CHARS),
                    f.requireString(NEWPASSWORD, Limits.MAX_PASSWORD_CHARS));
        }

        public void write(FieldWriter out) throws IOException {
            out.string(PASSWORD, password);
            out.string(NEWPASSWORD, newpassword);
        }

        @Override
        public String toString() {
            return "ChangePassword[seq=" + seq + "]";
        }
    }

    /**
     * The password is changed and every resume token the user had is void; {@code token} is a new one for this
     * client's next {@link Login}.
     */
    record ChangePasswordAck(Integer seq, String token) implements Message {
        public MessageType type() {
            return MessageType.CHANGE_PASSWORD_ACK;
        }

        static ChangePasswordAck read(Fields f) throws ProtocolException {
            return new ChangePasswordAck(f.seq(), f.requireString(TOKEN, Limits.MAX_TOKEN_CHARS));
        }

        public void write(FieldWriter out) throws IOException {
            out.string(TOKEN, token);
        }

        @Override
        public String toString() {
            return "ChangePasswordAck[seq=" + seq + "]";
        }
    }
}
