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
import chat.core.Message.LogoutAck;
import chat.core.Message.Logout;
import chat.core.Message.OneChat;
import chat.core.Message.OneChatAck;
import chat.core.Message.Ping;
import chat.core.Message.Pong;
import chat.core.Message.Register;
import chat.core.Message.RegisterAck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the fields of one message, naming the field and the expectation when one is wrong. */
final class MessageReader {
    private final ObjectMapper mapper;
    private final ObjectNode o;
    private final MessageType type;
    private final Integer seq;

    MessageReader(ObjectMapper mapper, ObjectNode o, MessageType type, Integer seq) {
        this.mapper = mapper;
        this.o = o;
        this.type = type;
        this.seq = seq;
    }

    Message read() throws ProtocolException {
        return switch (type) {
            case LOGIN -> login();
            case LOGIN_ACK -> new LoginAck(seq, requireInt("errno"), optionalString("errmsg", Integer.MAX_VALUE),
                    optionalInt("id"), optionalString("name", Integer.MAX_VALUE),
                    list("friends", this::friend), list("groups", this::group), offline(),
                    optionalString("token", Limits.MAX_TOKEN_CHARS));
            case LOGOUT -> new Logout(seq, optionalInt("id"));
            case REGISTER -> new Register(seq, requireName("name", Limits.MAX_NAME_CHARS),
                    requireString("password", Limits.MAX_PASSWORD_CHARS));
            case REGISTER_ACK -> new RegisterAck(seq, requireInt("errno"),
                    optionalString("errmsg", Integer.MAX_VALUE), optionalInt("id"));
            case ONE_CHAT -> new OneChat(seq, optionalInt("id"), optionalString("name", Integer.MAX_VALUE),
                    requireInt("toid"), requireString("msg", Limits.MAX_MESSAGE_CHARS),
                    optionalString("time", Integer.MAX_VALUE), optionalLong("mid"));
            case ADD_FRIEND -> new AddFriend(seq, optionalInt("id"), requireInt("friendid"));
            case CREATE_GROUP -> new CreateGroup(seq, optionalInt("id"),
                    requireName("groupname", Limits.MAX_GROUP_NAME_CHARS),
                    optionalString("groupdesc", Limits.MAX_GROUP_DESC_CHARS));
            case JOIN_GROUP -> new JoinGroup(seq, optionalInt("id"), requireInt("groupid"));
            case GROUP_CHAT -> new GroupChat(seq, optionalInt("id"), optionalString("name", Integer.MAX_VALUE),
                    requireInt("groupid"), requireString("msg", Limits.MAX_MESSAGE_CHARS),
                    optionalString("time", Integer.MAX_VALUE), optionalLong("mid"));
            case ERROR -> new Error(seq, optionalInt("req"), requireInt("errno"),
                    requireString("errmsg", Integer.MAX_VALUE));
            case LOGOUT_ACK -> new LogoutAck(seq);
            case ONE_CHAT_ACK -> new OneChatAck(seq, requireLong("mid"), requireString("time", 64));
            case ADD_FRIEND_ACK -> new AddFriendAck(seq, friend(require("friend")));
            case CREATE_GROUP_ACK -> new CreateGroupAck(seq, group(require("group")));
            case JOIN_GROUP_ACK -> new JoinGroupAck(seq, group(require("group")));
            case GROUP_CHAT_ACK -> new GroupChatAck(seq, requireLong("mid"), requireString("time", 64));
            case HISTORY -> history();
            case HISTORY_ACK -> new HistoryAck(seq, list("messages", this::historyEntry));
            case PING -> new Ping(seq);
            case PONG -> new Pong(seq);
            case CONTACTS -> new ContactsRequest(seq, optionalInt("id"));
            case CONTACTS_ACK -> new ContactsAck(seq, list("friends", this::friend), list("groups", this::group));
        };
    }

    private Login login() throws ProtocolException {
        String token = optionalString("token", Limits.MAX_TOKEN_CHARS);
        if (token != null) {
            return new Login(seq, requireInt("id"), null, token);
        }
        return new Login(seq, requireInt("id"), requireString("password", Limits.MAX_PASSWORD_CHARS), null);
    }

    private History history() throws ProtocolException {
        Integer with = optionalInt("with");
        Integer groupid = optionalInt("groupid");
        if ((with == null) == (groupid == null)) {
            throw bad("give exactly one of 'with' (a friend's id) or 'groupid'");
        }
        Integer limit = optionalInt("limit");
        if (limit != null && (limit < 1 || limit > Limits.MAX_HISTORY_PAGE)) {
            throw bad("field 'limit' must be between 1 and " + Limits.MAX_HISTORY_PAGE);
        }
        return new History(seq, optionalInt("id"), with, groupid, optionalLong("before"), limit);
    }

    private JsonNode require(String field) throws ProtocolException {
        JsonNode node = o.get(field);
        if (node == null || node.isNull()) {
            throw bad("missing field '" + field + "'");
        }
        return node;
    }

    private int requireInt(String field) throws ProtocolException {
        JsonNode node = require(field);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw bad("field '" + field + "' must be an integer");
        }
        return node.intValue();
    }

    private Integer optionalInt(String field) throws ProtocolException {
        return o.hasNonNull(field) ? requireInt(field) : null;
    }

    private long requireLong(String field) throws ProtocolException {
        JsonNode node = require(field);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw bad("field '" + field + "' must be an integer");
        }
        return node.longValue();
    }

    private Long optionalLong(String field) throws ProtocolException {
        return o.hasNonNull(field) ? requireLong(field) : null;
    }

    private String requireString(String field, int maxChars) throws ProtocolException {
        JsonNode node = require(field);
        if (!node.isTextual()) {
            throw bad("field '" + field + "' must be a string");
        }
        String value = node.textValue();
        if (value.codePointCount(0, value.length()) > maxChars) {
            throw bad("field '" + field + "' is longer than " + maxChars + " characters");
        }
        return value;
    }

    private String optionalString(String field, int maxChars) throws ProtocolException {
        return o.hasNonNull(field) ? requireString(field, maxChars) : null;
    }

    /**
     * A name shown to other users: not blank, no control characters, and stripped of surrounding spaces,
     * which MySQL would ignore when comparing names anyway.
     */
    private String requireName(String field, int maxChars) throws ProtocolException {
        String value = requireString(field, maxChars);
        if (value.isBlank() || value.codePoints().anyMatch(Character::isISOControl)) {
            throw bad("field '" + field + "' must not be blank or hold control characters");
        }
        return value.strip();
    }

    private List<String> offline() throws ProtocolException {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : o.path("offlinemsg")) {
            texts.add(element.isTextual() ? element.textValue() : element.toString());
        }
        return texts;
    }

    private <T> List<T> list(String field, ElementReader<T> reader) throws ProtocolException {
        List<T> items = new ArrayList<>();
        for (JsonNode element : o.path(field)) {
            items.add(reader.read(element));
        }
        return items;
    }

    /** Elements may be objects, or JSON text of objects as in the login ack. */
    private ObjectNode object(JsonNode node) throws ProtocolException {
        JsonNode parsed = node;
        if (node.isTextual()) {
            try {
                parsed = mapper.readTree(node.textValue());
            } catch (IOException e) {
                throw bad("an element of a list is not a JSON object");
            }
        }
        if (parsed == null || !parsed.isObject()) {
            throw bad("an element of a list is not a JSON object");
        }
        return (ObjectNode) parsed;
    }

    private Friend friend(JsonNode node) throws ProtocolException {
        ObjectNode f = object(node);
        return new Friend(f.path("id").intValue(), f.path("name").asText(), f.path("state").asText());
    }

    private Group group(JsonNode node) throws ProtocolException {
        ObjectNode g = object(node);
        List<Member> users = new ArrayList<>();
        for (JsonNode element : g.path("users")) {
            ObjectNode u = object(element);
            users.add(new Member(u.path("id").intValue(), u.path("name").asText(), u.path("state").asText(),
                    u.path("role").asText()));
        }
        return new Group(g.path("id").intValue(), g.path("groupname").asText(), g.path("groupdesc").asText(),
                users);
    }

    private HistoryEntry historyEntry(JsonNode node) throws ProtocolException {
        ObjectNode e = object(node);
        return new HistoryEntry(e.path("mid").longValue(), e.path("id").intValue(), e.path("name").asText(),
                e.hasNonNull("toid") ? e.get("toid").intValue() : null,
                e.hasNonNull("groupid") ? e.get("groupid").intValue() : null,
                e.path("msg").asText(), e.path("time").asText());
    }

    private ProtocolException bad(String why) {
        return new ProtocolException(ErrorCode.BAD_REQUEST, why, type.id(), seq);
    }

    @FunctionalInterface
    private interface ElementReader<T> {
        T read(JsonNode node) throws ProtocolException;
    }
}
