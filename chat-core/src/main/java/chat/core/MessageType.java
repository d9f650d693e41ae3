package chat.core;

import chat.core.Message.AddFriend;
import chat.core.Message.AddFriendAck;
import chat.core.Message.ChangePassword;
import chat.core.Message.ChangePasswordAck;
import chat.core.Message.ContactsAck;
import chat.core.Message.ContactsRequest;
import chat.core.Message.CreateGroup;
import chat.core.Message.CreateGroupAck;
import chat.core.Message.Error;
import chat.core.Message.FindUser;
import chat.core.Message.FindUserAck;
import chat.core.Message.FriendAdded;
import chat.core.Message.FriendRemoved;
import chat.core.Message.GroupChat;
import chat.core.Message.GroupChatAck;
import chat.core.Message.History;
import chat.core.Message.HistoryAck;
import chat.core.Message.JoinGroup;
import chat.core.Message.JoinGroupAck;
import chat.core.Message.LeaveGroup;
import chat.core.Message.LeaveGroupAck;
import chat.core.Message.Login;
import chat.core.Message.LoginAck;
import chat.core.Message.Logout;
import chat.core.Message.LogoutAck;
import chat.core.Message.MemberJoined;
import chat.core.Message.MemberLeft;
import chat.core.Message.OneChat;
import chat.core.Message.OneChatAck;
import chat.core.Message.Ping;
import chat.core.Message.Pong;
import chat.core.Message.Presence;
import chat.core.Message.Received;
import chat.core.Message.ReceivedAck;
import chat.core.Message.Register;
import chat.core.Message.RegisterAck;
import chat.core.Message.RemoveFriend;
import chat.core.Message.RemoveFriendAck;
import chat.core.Message.Sync;
import chat.core.Message.SyncAck;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every message on the wire, with its {@code msgid} and the record's {@code read} that decodes it. Numbers
 * 1–10 are the original C++ server's and never change; everything this server adds takes a number above 10.
 */
public enum MessageType {
    LOGIN(1, Login::read),
    LOGIN_ACK(2, LoginAck::read),
    LOGOUT(3, Logout::read),
    REGISTER(4, Register::read),
    REGISTER_ACK(5, RegisterAck::read),
    ONE_CHAT(6, OneChat::read),
    ADD_FRIEND(7, AddFriend::read),
    CREATE_GROUP(8, CreateGroup::read),
    JOIN_GROUP(9, JoinGroup::read),
    GROUP_CHAT(10, GroupChat::read),
    ERROR(11, Error::read),
    LOGOUT_ACK(12, LogoutAck::read),
    ONE_CHAT_ACK(13, OneChatAck::read),
    ADD_FRIEND_ACK(14, AddFriendAck::read),
    CREATE_GROUP_ACK(15, CreateGroupAck::read),
    JOIN_GROUP_ACK(16, JoinGroupAck::read),
    GROUP_CHAT_ACK(17, GroupChatAck::read),
    HISTORY(18, History::read),
    HISTORY_ACK(19, HistoryAck::read),
    PING(20, Ping::read),
    PONG(21, Pong::read),
    CONTACTS(22, ContactsRequest::read),
    CONTACTS_ACK(23, ContactsAck::read),
    SYNC(24, Sync::read),
    SYNC_ACK(25, SyncAck::read),
    RECEIVED(26, Received::read),
    RECEIVED_ACK(27, ReceivedAck::read),
    FRIEND_ADDED(28, FriendAdded::read),
    MEMBER_JOINED(29, MemberJoined::read),
    MEMBER_LEFT(30, MemberLeft::read),
    PRESENCE(31, Presence::read),
    FRIEND_REMOVED(32, FriendRemoved::read),
    FIND_USER(33, FindUser::read),
    FIND_USER_ACK(34, FindUserAck::read),
    LEAVE_GROUP(35, LeaveGroup::read),
    LEAVE_GROUP_ACK(36, LeaveGroupAck::read),
    REMOVE_FRIEND(37, RemoveFriend::read),
    REMOVE_FRIEND_ACK(38, RemoveFriendAck::read),
    CHANGE_PASSWORD(39, ChangePassword::read),
    CHANGE_PASSWORD_ACK(40, ChangePasswordAck::read);

    private static final Map<Integer, MessageType> BY_ID = new HashMap<>();

    static {
        for (MessageType type : values()) {
            BY_ID.put(type.id, type);
        }
    }

    private final int id;
    private final Decoder decoder;

    MessageType(int id, Decoder decoder) {
        this.id = id;
        this.decoder = decoder;
    }

    /** The {@code msgid} this type travels under. */
    public int id() {
        return id;
    }

    public static Optional<MessageType> byId(int id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The message of this type that {@code fields} hold. */
    Message read(Fields fields) throws ProtocolException {
        return decoder.read(fields);
    }

    @FunctionalInterface
    interface Decoder {
        Message read(Fields fields) throws ProtocolException;
    }
}
