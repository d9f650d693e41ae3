package chat.core;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.HistoryEntry;
import chat.core.Contacts.Member;
import chat.core.Message.AddFriend;
import chat.core.Message.AddFriendAck;
import chat.core.Message.ContactsAck;
import chat.core.Message.ContactsRequest;
import chat.core.Message.CreateGroup;
import chat.core.Message.CreateGroupAck;
import chat.core.Message.Error;
import chat.core.Message.GroupChat;
import chat.core.Message.GroupChatAck;
import chat.core.Message.History;
import chat.core.Message.HistoryAck;
import chat.core.Message.JoinGroup;
import chat.core.Message.JoinGroupAck;
import chat.core.Message.Login;
import chat.core.Message.LoginAck;
import chat.core.Message.Logout;
import chat.core.Message.LogoutAck;
import chat.core.Message.OneChat;
import chat.core.Message.OneChatAck;
import chat.core.Message.Ping;
import chat.core.Message.Pong;
import chat.core.Message.Register;
import chat.core.Message.RegisterAck;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns {@link Message}s into compact JSON and back. Thread-safe; one instance serves a whole process.
 *
 * <p>The login ack keeps the original server's shape: {@code friends}, {@code groups} and each group's
 * {@code users} are arrays of strings, each string the JSON text of one object, because the original client
 * parses every element again. Optional keys are left out rather than sent as null.
 */
public final class Codec {
    // Emoji go out as UTF-8 like every other character, not as \uD83D\uDE00 escapes that nc users would see.
    // The buffer pool is shared rather than per thread: with a virtual thread per connection and per write
    // burst, a thread-local pool would allocate fresh buffers for nearly every message.
    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
                    .build())
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    /** The message as one line of JSON, ending in {@code \n}: the server's and our client's framing. */
    public byte[] encodeLine(Message message) {
        byte[] json = encode(message);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        return line;
    }

    public byte[] encode(Message message) {
        try {
            return mapper.writeValueAsBytes(toTree(message));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String encodeToString(Message message) {
        return new String(encode(message), StandardCharsets.UTF_8);
    }

    public Message decode(String json) throws ProtocolException {
        return decode(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads one JSON object; anything that is not a well-formed message of a known type is refused. */
    public Message decode(byte[] frame) throws ProtocolException {
        JsonNode root;
        try {
            root = mapper.readTree(frame);
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "malformed JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "a message must be a JSON object");
        }
        JsonNode msgid = root.get("msgid");
        Integer seq = root.path("seq").canConvertToInt() && root.path("seq").isIntegralNumber()
                ? root.get("seq").intValue() : null;
        if (msgid == null || !msgid.isIntegralNumber() || !msgid.canConvertToInt()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "field 'msgid' must be an integer", null, seq);
        }
        MessageType type = MessageType.byId(msgid.intValue()).orElseThrow(() -> new ProtocolException(
                ErrorCode.UNKNOWN_TYPE, "unknown msgid " + msgid.intValue(), msgid.intValue(), seq));
        return type.read(new Fields(mapper, root, type.id(), seq));
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable input";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private ObjectNode toTree(Message message) {
        ObjectNode o = mapper.createObjectNode();
        o.put("msgid", message.type().id());
        switch (message) {
            case Login m -> {
                o.put("id", m.id());
                putIfPresent(o, "password", m.password());
                putIfPresent(o, "token", m.token());
            }
            case LoginAck m -> {
                o.put("errno", m.errno());
                putIfPresent(o, "errmsg", m.errmsg());
                putIfPresent(o, "id", m.id());
                putIfPresent(o, "name", m.name());
                if (!m.friends().isEmpty()) {
                    ArrayNode friends = o.putArray("friends");
                    m.friends().forEach(f -> friends.add(text(friendTree(f))));
                }
                if (!m.groups().isEmpty()) {
                    ArrayNode groups = o.putArray("groups");
                    m.groups().forEach(g -> groups.add(text(groupTree(g, true))));
                }
                if (!m.offlinemsg().isEmpty()) {
                    ArrayNode offline = o.putArray("offlinemsg");
                    m.offlinemsg().forEach(offline::add);
                }
                putIfPresent(o, "token", m.token());
            }
            case Logout m -> putIfPresent(o, "id", m.id());
            case Register m -> o.put("name", m.name()).put("password", m.password());
            case RegisterAck m -> {
                o.put("errno", m.errno());
                putIfPresent(o, "errmsg", m.errmsg());
                putIfPresent(o, "id", m.id());
            }
            case OneChat m -> {
                putIfPresent(o, "id", m.id());
                putIfPresent(o, "name", m.name());
                o.put("toid", m.toid()).put("msg", m.msg());
                putIfPresent(o, "time", m.time());
                putIfPresent(o, "mid", m.mid());
            }
            case AddFriend m -> putIfPresent(o, "id", m.id()).put("friendid", m.friendid());
            case CreateGroup m -> {
                putIfPresent(o, "id", m.id());
                o.put("groupname", m.groupname());
                putIfPresent(o, "groupdesc", m.groupdesc());
            }
            case JoinGroup m -> putIfPresent(o, "id", m.id()).put("groupid", m.groupid());
            case GroupChat m -> {
                putIfPresent(o, "id", m.id());
                putIfPresent(o, "name", m.name());
                o.put("groupid", m.groupid()).put("msg", m.msg());
                putIfPresent(o, "time", m.time());
                putIfPresent(o, "mid", m.mid());
            }
            case Error m -> {
                putIfPresent(o, "req", m.req());
                o.put("errno", m.errno()).put("errmsg", m.errmsg());
            }
            case LogoutAck m -> {
            }
            case OneChatAck m -> o.put("mid", m.mid()).put("time", m.time());
            case AddFriendAck m -> o.set("friend", friendTree(m.friend()));
            case CreateGroupAck m -> o.set("group", groupTree(m.group(), false));
            case JoinGroupAck m -> o.set("group", groupTree(m.group(), false));
            case GroupChatAck m -> o.put("mid", m.mid()).put("time", m.time());
            case History m -> {
                putIfPresent(o, "id", m.id());
                putIfPresent(o, "with", m.with());
                putIfPresent(o, "groupid", m.groupid());
                putIfPresent(o, "before", m.before());
                putIfPresent(o, "limit", m.limit());
            }
            case HistoryAck m -> {
                ArrayNode messages = o.putArray("messages");
                m.messages().forEach(e -> messages.add(historyTree(e)));
            }
            case Ping m -> {
            }
            case Pong m -> {
            }
            case ContactsRequest m -> putIfPresent(o, "id", m.id());
            case ContactsAck m -> {
                ArrayNode friends = o.putArray("friends");
                m.friends().forEach(f -> friends.add(friendTree(f)));
                ArrayNode groups = o.putArray("groups");
                m.groups().forEach(g -> groups.add(groupTree(g, false)));
            }
        }
        putIfPresent(o, "seq", message.seq());
        return o;
    }

    private ObjectNode friendTree(Friend f) {
        return mapper.createObjectNode().put("id", f.id()).put("name", f.name()).put("state", f.state());
    }

    /** With {@code nestedText} each member is the JSON text of its object, as the login ack needs. */
    private ObjectNode groupTree(Group g, boolean nestedText) {
        ObjectNode o = mapper.createObjectNode()
                .put("id", g.id()).put("groupname", g.groupname()).put("groupdesc", g.groupdesc());
        ArrayNode users = o.putArray("users");
        for (Member m : g.users()) {
            ObjectNode member = mapper.createObjectNode()
                    .put("id", m.id()).put("name", m.name()).put("state", m.state()).put("role", m.role());
            if (nestedText) {
                users.add(text(member));
            } else {
                users.add(member);
            }
        }
        return o;
    }

    private ObjectNode historyTree(HistoryEntry e) {
        ObjectNode o = mapper.createObjectNode().put("mid", e.mid()).put("id", e.id()).put("name", e.name());
        putIfPresent(o, "toid", e.toid());
        putIfPresent(o, "groupid", e.groupid());
        return o.put("msg", e.msg()).put("time", e.time());
    }

    private String text(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode putIfPresent(ObjectNode o, String field, Object value) {
        switch (value) {
            case null -> {
            }
            case Integer i -> o.put(field, i);
            case Long l -> o.put(field, l);
            case String s -> o.put(field, s);
            default -> throw new IllegalArgumentException("unsupported field type " + value.getClass());
        }
        return o;
    }
}
