package chat.core;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.HistoryEntry;
import java.util.List;

/**
 * Every message either side sends, one record per {@link MessageType}. Field names are the wire names.
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
     * Logs in with the password, or with {@code token}, a resume token from an earlier login ack, which skips
     * the slow password check when a client reconnects.
     */
    record Login(Integer seq, int id, String password, String token) implements Message {
        public Login(Integer seq, int id, String password) {
            this(seq, id, password, null);
        }

        public MessageType type() {
            return MessageType.LOGIN;
        }

        @Override
        public String toString() {
            return "Login[seq=" + seq + ", id=" + id + "]";
        }
    }

    /**
     * On success {@code errno} is 0 and {@code errmsg} null; {@code offlinemsg} holds the encoded chats that
     * arrived while the user was away, each exactly as {@link Codec#encode} wrote it. {@code token} is a resume
     * token for the next {@link Login}, given to clients that send {@code seq}.
     */
    record LoginAck(Integer seq, int errno, String errmsg, Integer id, String name, List<Friend> friends,
                    List<Group> groups, List<String> offlinemsg, String token) implements Message {
        public LoginAck {
            friends = friends == null ? List.of() : List.copyOf(friends);
            groups = groups == null ? List.of() : List.copyOf(groups);
            offlinemsg = offlinemsg == null ? List.of() : List.copyOf(offlinemsg);
        }

        public LoginAck(Integer seq, int errno, String errmsg, Integer id, String name, List<Friend> friends,
                        List<Group> groups, List<String> offlinemsg) {
            this(seq, errno, errmsg, id, name, friends, groups, offlinemsg, null);
        }

        public static LoginAck failed(Integer seq, ErrorCode code, String errmsg) {
            return new LoginAck(seq, code.code(), errmsg, null, null, null, null, null, null);
        }

        @Override
        public String toString() {
            return "LoginAck[seq=" + seq + ", errno=" + errno + ", id=" + id + ", friends=" + friends.size()
                    + ", groups=" + groups.size() + ", offlinemsg=" + offlinemsg.size() + "]";
        }

        public MessageType type() {
            return MessageType.LOGIN_ACK;
        }
    }

    record Logout(Integer seq, Integer id) implements Message {
        public MessageType type() {
            return MessageType.LOGOUT;
        }
    }

    record Register(Integer seq, String name, String password) implements Message {
        public MessageType type() {
            return MessageType.REGISTER;
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
    }

    record AddFriend(Integer seq, Integer id, int friendid) implements Message {
        public MessageType type() {
            return MessageType.ADD_FRIEND;
        }
    }

    record CreateGroup(Integer seq, Integer id, String groupname, String groupdesc) implements Message {
        public MessageType type() {
            return MessageType.CREATE_GROUP;
        }
    }

    record JoinGroup(Integer seq, Integer id, int groupid) implements Message {
        public MessageType type() {
            return MessageType.JOIN_GROUP;
        }
    }

    /** A group chat; like {@link OneChat}, the delivered copy carries the server's sender, time and mid. */
    record GroupChat(Integer seq, Integer id, String name, int groupid, String msg, String time, Long mid)
            implements Message {
        public MessageType type() {
            return MessageType.GROUP_CHAT;
        }
    }

    /** {@code req} is the msgid of the refused request, when it could be read. */
    record Error(Integer seq, Integer req, int errno, String errmsg) implements Message {
        public MessageType type() {
            return MessageType.ERROR;
        }
    }

    record LogoutAck(Integer seq) implements Message {
        public MessageType type() {
            return MessageType.LOGOUT_ACK;
        }
    }

    record OneChatAck(Integer seq, long mid, String time) implements Message {
        public MessageType type() {
            return MessageType.ONE_CHAT_ACK;
        }
    }

    record AddFriendAck(Integer seq, Friend friend) implements Message {
        public MessageType type() {
            return MessageType.ADD_FRIEND_ACK;
        }
    }

    record CreateGroupAck(Integer seq, Group group) implements Message {
        public MessageType type() {
            return MessageType.CREATE_GROUP_ACK;
        }
    }

    record JoinGroupAck(Integer seq, Group group) implements Message {
        public MessageType type() {
            return MessageType.JOIN_GROUP_ACK;
        }
    }

    record GroupChatAck(Integer seq, long mid, String time) implements Message {
        public MessageType type() {
            return MessageType.GROUP_CHAT_ACK;
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
    }

    /** Newest first; an empty list means there is nothing older. */
    record HistoryAck(Integer seq, List<HistoryEntry> messages) implements Message {
        public HistoryAck {
            messages = List.copyOf(messages);
        }

        public MessageType type() {
            return MessageType.HISTORY_ACK;
        }
    }

    /** Keeps idle connections alive through proxies; allowed before login. */
    record Ping(Integer seq) implements Message {
        public MessageType type() {
            return MessageType.PING;
        }
    }

    record Pong(Integer seq) implements Message {
        public MessageType type() {
            return MessageType.PONG;
        }
    }

    /** Asks for the current friend and group lists, with fresh online states. */
    record ContactsRequest(Integer seq, Integer id) implements Message {
        public MessageType type() {
            return MessageType.CONTACTS;
        }
    }

    record ContactsAck(Integer seq, List<Friend> friends, List<Group> groups) implements Message {
        public ContactsAck {
            friends = List.copyOf(friends);
            groups = List.copyOf(groups);
        }

        public MessageType type() {
            return MessageType.CONTACTS_ACK;
        }
    }
}
