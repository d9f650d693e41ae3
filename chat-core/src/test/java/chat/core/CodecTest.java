package chat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.HistoryEntry;
import chat.core.Contacts.Member;
import chat.core.Message.AddFriend;
import chat.core.Message.AddFriendAck;
import chat.core.Message.ChangePassword;
import chat.core.Message.ChangePasswordAck;
import chat.core.Message.ContactsAck;
import chat.core.Message.ContactsRequest;
import chat.core.Message.CreateGroup;
import chat.core.Message.CreateGroupAck;
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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodecTest {
    private static final String QUIRKY = "嗨！你好 😀👍🏽 \"quoted\" back\\slash \\\" tab\t newline\n end";

    private final Codec codec = new Codec();
    private final ObjectMapper json = new ObjectMapper();

    private static final Group GROUP = new Group(1, "g", "d", List.of(
            new Member(13, "zhang san", Contacts.ONLINE, Contacts.CREATOR),
            new Member(21, "gao yang", Contacts.OFFLINE, Contacts.NORMAL)));

    static Stream<Message> everyMessageType() {
        return Stream.of(
                new Login(1, 22, "123456"),
                new LoginAck(2, 0, null, 21, "gao yang", List.of(new Friend(13, "zhang san", Contacts.ONLINE)),
                        List.of(GROUP), List.of("{\"msgid\":6,\"id\":13,\"toid\":21,\"msg\":\"hi\"}")),
                LoginAck.failed(3, ErrorCode.REJECTED, "id or password is invalid!"),
                new Logout(4, 22),
                new Register(5, "wei", "123456"),
                new RegisterAck(6, 0, null, 24),
                new RegisterAck(7, 1, "the name 'wei' is already taken", null),
                new OneChat(8, 22, "wsp", 23, "hello!", "2020-02-22 22:59:56", 101L),
                new AddFriend(9, 22, 23),
                new CreateGroup(10, 22, "g", "d"),
                new JoinGroup(11, 22, 1),
                new GroupChat(12, 13, "zhang san", 1, "hi", "2020-02-22 22:59:56", 102L),
                new Message.Error(13, 6, ErrorCode.NOT_FOUND.code(), "no user with id 99"),
                new LogoutAck(14),
                new OneChatAck(15, 101L, "2020-02-22 22:59:56"),
                new AddFriendAck(16, new Friend(23, "wei", Contacts.OFFLINE)),
                new CreateGroupAck(17, GROUP),
                new JoinGroupAck(18, GROUP),
                new GroupChatAck(19, 102L, "2020-02-22 22:59:56"),
                new History(20, 22, 23, null, 500L, 10),
                new History(21, 22, null, 1, null, null),
                new HistoryAck(22, List.of(
                        new HistoryEntry(101L, 22, "wsp", 23, null, "hello!", "2020-02-22 22:59:56"),
                        new HistoryEntry(102L, 13, "zhang san", null, 1, "hi", "2020-02-22 22:59:57"))),
                new Ping(23),
                new Pong(24),
                new ContactsRequest(25, 22),
                new ContactsAck(26, List.of(new Friend(13, "zhang san", Contacts.ONLINE)), List.of(GROUP)),
                new Sync(27, 7_000_000_000_000L, 100),
                new Sync(28, null, null),
                new SyncAck(29, List.of(
                        new HistoryEntry(101L, 22, "wsp", 23, null, "hello!", "2020-02-22 22:59:56")), true),
                new SyncAck(30, List.of(), false),
                new Received(31, 7_000_000_000_001L),
                new ReceivedAck(32),
                Login.byName(33, "小明", "123456"),
                new Login(34, null, "小明", null, "resume-token"),
                new FriendAdded(35, new Friend(22, "wsp", Contacts.ONLINE)),
                new MemberJoined(36, 1, new Member(23, "wei", Contacts.ONLINE, Contacts.NORMAL)),
                new MemberLeft(37, 1, 23, "wei", null),
                new MemberLeft(38, 1, 13, "zhang san", 21),
                new Presence(39, new Friend(23, "wei", Contacts.OFFLINE)),
                new FriendRemoved(40, 22, "wsp"),
                new FindUser(41, "小明"),
                new FindUserAck(42, new Friend(23, "小明", Contacts.ONLINE)),
                new LeaveGroup(43, 1),
                new LeaveGroupAck(44, 1),
                new RemoveFriend(45, 23),
                new RemoveFriendAck(46, 23),
                new ChangePassword(47, "123456", "654321"),
                new ChangePasswordAck(48, "resume-token"));
    }

    // ---- round trips ----

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everyMessageTypeSurvivesARoundTrip(MessageType type) throws ProtocolException {
        List<Message> samples = everyMessageType().filter(m -> m.type() == type).toList();
        assertFalse(samples.isEmpty(), "everyMessageType() needs a sample of " + type);
        for (Message message : samples) {
            assertEquals(message, codec.decode(codec.encode(message)));
            assertEquals(message, codec.decode(codec.encodeToString(message)));
            assertEquals(message, codec.decode(codec.encodeLine(message)));
        }
    }

    @ParameterizedTest
    @MethodSource("everyMessageType")
    void everyMessageIsOneCompactLineCarryingItsMsgid(Message message) throws Exception {
        byte[] line = codec.encodeLine(message);
        String text = new String(line, StandardCharsets.UTF_8);
        assertEquals('\n', text.charAt(text.length() - 1));
        assertEquals(text.length() - 1, text.indexOf('\n'), "exactly one newline, at the end");
        JsonNode tree = json.readTree(line);
        assertEquals(message.type().id(), tree.get("msgid").intValue());
        assertEquals(message.seq(), tree.get("seq").intValue());
    }

    @ParameterizedTest
    @MethodSource("everyMessageType")
    void absentFieldsAreLeftOutRatherThanSentAsNull(Message message) throws Exception {
        assertFalse(containsNull(json.readTree(codec.encode(message))), codec.encodeToString(message));
    }

    @Test
    void messagesWithoutSeqAreSentWithoutOne() throws Exception {
        JsonNode tree = json.readTree(codec.encode(new Pong(null)));
        assertEquals(Set.of("msgid"), fieldNames(tree));
        assertEquals(new Pong(null), codec.decode(codec.encode(new Pong(null))));
    }

    @Test
    void chineseEmojiQuotesAndBackslashesRoundTripExactly() throws Exception {
        OneChat chat = new OneChat(null, 22, "王小明 \"wsp\" \\ 🐼", 23, QUIRKY, "2020-02-22 22:59:56", 7L);
        GroupChat group = new GroupChat(null, 22, "王小明", 1, QUIRKY, null, null);
        CreateGroup create = new CreateGroup(null, null, "中文群 \"q\" \\ 🎉", QUIRKY);
        Register register = new Register(null, "张三\"\\😀", "密码 \"\\ 🔑");

        for (Message m : List.of(chat, group, create, register)) {
            assertEquals(m, codec.decode(codec.encode(m)));
        }
        String text = codec.encodeToString(chat);
        assertTrue(text.contains("嗨！你好 "), "Chinese is sent as UTF-8, not escaped: " + text);
        assertTrue(text.contains("😀👍🏽") && text.contains("🐼"),
                "emoji are sent as UTF-8, not as surrogate escapes: " + text);
        assertEquals(QUIRKY, json.readTree(text).get("msg").textValue(), "any JSON parser reads the same text");
    }

    @Test
    void escapedUnicodeFromOtherEncodersDecodesToTheSameText() throws ProtocolException {
        Message m = codec.decode("{\"msgid\":6,\"toid\":23,\"msg\":\"\\u55e8\\uff01\\ud83d\\ude00\\\"\\\\\"}");
        assertEquals("嗨！😀\"\\", ((OneChat) m).msg());
    }

    // ---- the login ack's original shape ----

    @Test
    void successfulLoginAckHasTheOriginalServersShape() throws Exception {
        // The example of protocol-reference.md section 2, with the member string written out in full.
        String original = "{\"errno\":0,\"friends\":[\"{\\\"id\\\":13,\\\"name\\\":\\\"zhang san\\\",\\\"state\\\":\\\"online\\\"}\"],"
                + "\"groups\":[\"{\\\"groupdesc\\\":\\\"d\\\",\\\"groupname\\\":\\\"g\\\",\\\"id\\\":1,\\\"users\\\":"
                + "[\\\"{\\\\\\\"id\\\\\\\":13,\\\\\\\"name\\\\\\\":\\\\\\\"zhang san\\\\\\\",\\\\\\\"role\\\\\\\":"
                + "\\\\\\\"creator\\\\\\\",\\\\\\\"state\\\\\\\":\\\\\\\"online\\\\\\\"}\\\"]}\"],"
                + "\"id\":21,\"msgid\":2,\"name\":\"gao yang\","
                + "\"offlinemsg\":[\"{\\\"groupid\\\":1,\\\"id\\\":13,\\\"msg\\\":\\\"hi\\\",\\\"msgid\\\":10,"
                + "\\\"name\\\":\\\"zhang san\\\",\\\"time\\\":\\\"2020-02-22 22:59:56\\\"}\"]}";
        String offline = "{\"groupid\":1,\"id\":13,\"msg\":\"hi\",\"msgid\":10,\"name\":\"zhang san\","
                + "\"time\":\"2020-02-22 22:59:56\"}";
        LoginAck ack = new LoginAck(null, 0, null, 21, "gao yang",
                List.of(new Friend(13, "zhang san", Contacts.ONLINE)),
                List.of(new Group(1, "g", "d", List.of(new Member(13, "zhang san", Contacts.ONLINE, Contacts.CREATOR)))),
                List.of(offline));

        JsonNode ours = json.readTree(codec.encode(ack));
        JsonNode theirs = json.readTree(original);

        assertEquals(fieldNames(theirs), fieldNames(ours), "same keys, no errmsg on success");
        for (String list : List.of("friends", "groups", "offlinemsg")) {
            assertTrue(ours.get(list).isArray(), list);
            ours.get(list).forEach(e -> assertTrue(e.isTextual(), list + " holds JSON text, not objects: " + e));
        }
        JsonNode users = json.readTree(ours.get("groups").get(0).textValue()).get("users");
        users.forEach(e -> assertTrue(e.isTextual(), "a group's users hold JSON text too: " + e));
        assertEquals(offline, ours.get("offlinemsg").get(0).textValue(), "offline messages go out exactly as stored");
        assertEquals(unwrap(theirs), unwrap(ours));
    }

    @Test
    void successfulLoginAckLeavesOutEmptyListsAndErrmsg() throws Exception {
        JsonNode tree = json.readTree(codec.encode(new LoginAck(null, 0, null, 21, "gao yang", List.of(), null, null)));
        assertEquals(Set.of("msgid", "errno", "id", "name"), fieldNames(tree));
        assertEquals(0, tree.get("errno").intValue());
        assertEquals(21, tree.get("id").intValue());
    }

    @Test
    void refusedLoginAckIsTheOriginalErrorObject() throws Exception {
        JsonNode ours = json.readTree(codec.encode(LoginAck.failed(null, ErrorCode.REJECTED, "id or password is invalid!")));
        assertEquals(json.readTree("{\"errmsg\":\"id or password is invalid!\",\"errno\":1,\"msgid\":2}"), ours);
        JsonNode inUse = json.readTree(codec.encode(
                LoginAck.failed(null, ErrorCode.ALREADY_ONLINE, "this account is using, input another!")));
        assertEquals(json.readTree("{\"errmsg\":\"this account is using, input another!\",\"errno\":2,\"msgid\":2}"),
                inUse);
    }

    @Test
    void registerAckCarriesTheNewIdAsTheOriginalDid() throws Exception {
        assertEquals(json.readTree("{\"msgid\":5,\"errno\":0,\"id\":24}"),
                json.readTree(codec.encode(new RegisterAck(null, 0, null, 24))));
    }

    @Test
    void deliveredChatCarriesEveryFieldTheOriginalClientReads() throws Exception {
        JsonNode tree = json.readTree(codec.encode(
                new OneChat(null, 22, "wsp", 23, "hello!", "2020-02-22 22:59:56", 101L)));
        assertEquals(6, tree.get("msgid").intValue());
        assertEquals(22, tree.get("id").intValue());
        assertTrue(tree.get("name").isTextual());
        assertTrue(tree.get("time").isTextual());
        assertEquals("hello!", tree.get("msg").textValue());
        assertEquals(23, tree.get("toid").intValue());
    }

    @Test
    void loginAckElementsMayAlsoBeDecodedFromPlainObjects() throws ProtocolException {
        Message m = codec.decode("{\"msgid\":2,\"errno\":0,\"id\":21,\"name\":\"n\","
                + "\"friends\":[{\"id\":13,\"name\":\"zhang san\",\"state\":\"online\"}],"
                + "\"groups\":[{\"id\":1,\"groupname\":\"g\",\"groupdesc\":\"d\",\"users\":"
                + "[{\"id\":13,\"name\":\"zhang san\",\"state\":\"online\",\"role\":\"creator\"}]}]}");
        LoginAck ack = assertInstanceOf(LoginAck.class, m);
        assertEquals(List.of(new Friend(13, "zhang san", "online")), ack.friends());
        assertEquals(List.of(new Member(13, "zhang san", "online", "creator")), ack.groups().getFirst().users());
    }

    // ---- what the original client and the seed's test lines send ----

    @Test
    void decodesTheSeedReadmesTestLines() throws ProtocolException {
        assertEquals(new Login(null, 45, "123456"), codec.decode("{\"msgid\":1,\"id\":45,\"password\":\"123456\"}"));
        assertEquals(new Login(null, 22, "123456"), codec.decode("{\"msgid\":1,\"id\":22,\"password\":\"123456\"}"));
        assertEquals(new Register(null, "wei", "123456"),
                codec.decode("{\"msgid\":4,\"name\":\"wei\",\"password\":\"123456\"}"));
        assertEquals(new OneChat(null, 22, null, 23, "hello!", null, null),
                codec.decode("{\"msgid\":6,\"id\":22,\"from\":\"wsp\",\"toid\":23,\"msg\":\"hello!\"}"));
        assertEquals(new OneChat(null, 23, null, 22, "嗨！", null, null),
                codec.decode("{\"msgid\":6,\"id\":23,\"from\":\"wei\",\"toid\":22,\"msg\":\"嗨！\"}"));
        assertEquals(new AddFriend(null, 22, 23), codec.decode("{\"msgid\":7,\"id\":22,\"friendid\":23}"));
    }

    @Test
    void decodesTheOriginalClientsRequests() throws ProtocolException {
        // nlohmann dumps keys sorted; the client fills id, name and time itself.
        assertEquals(new Login(null, 21, "pw"), codec.decode("{\"id\":21,\"msgid\":1,\"password\":\"pw\"}"));
        assertEquals(new Register(null, "gao yang", "pw"),
                codec.decode("{\"msgid\":4,\"name\":\"gao yang\",\"password\":\"pw\"}"));
        assertEquals(new Logout(null, 21), codec.decode("{\"id\":21,\"msgid\":3}"));
        assertEquals(new OneChat(null, 21, "gao yang", 13, "hi", "2020-02-22 22:59:56", null),
                codec.decode("{\"id\":21,\"msg\":\"hi\",\"msgid\":6,\"name\":\"gao yang\","
                        + "\"time\":\"2020-02-22 22:59:56\",\"toid\":13}"));
        assertEquals(new AddFriend(null, 21, 13), codec.decode("{\"friendid\":13,\"id\":21,\"msgid\":7}"));
        assertEquals(new CreateGroup(null, 21, "g", "d"),
                codec.decode("{\"groupdesc\":\"d\",\"groupname\":\"g\",\"id\":21,\"msgid\":8}"));
        assertEquals(new JoinGroup(null, 21, 1), codec.decode("{\"groupid\":1,\"id\":21,\"msgid\":9}"));
        assertEquals(new GroupChat(null, 21, "gao yang", 1, "hi all", "2020-02-22 22:59:56", null),
                codec.decode("{\"groupid\":1,\"id\":21,\"msg\":\"hi all\",\"msgid\":10,\"name\":\"gao yang\","
                        + "\"time\":\"2020-02-22 22:59:56\"}"));
    }

    @Test
    void decodesWhatOurOwnClientLeavesOut() throws ProtocolException {
        assertEquals(new Logout(3, null), codec.decode("{\"msgid\":3,\"seq\":3}"));
        assertEquals(new CreateGroup(4, null, "g", null), codec.decode("{\"msgid\":8,\"seq\":4,\"groupname\":\"g\"}"));
        assertEquals(new History(5, null, 23, null, null, null), codec.decode("{\"msgid\":18,\"seq\":5,\"with\":23}"));
        assertEquals(new OneChat(6, null, null, 23, "x", null, null),
                codec.decode("{\"msgid\":6,\"seq\":6,\"toid\":23,\"msg\":\"x\",\"id\":null,\"time\":null}"));
    }

    // ---- refusals ----

    @ParameterizedTest
    @ValueSource(strings = {"{\"msgid\":1,", "{msgid:1}", "{\"msgid\":1 \"id\":2}", "{\"msgid\":'1'}", "nonsense"})
    void malformedJsonIsABadRequest(String input) {
        ProtocolException e = refused(input, ErrorCode.BAD_REQUEST);
        assertTrue(e.getMessage().startsWith("malformed JSON"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line, fit for an errmsg: " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "42", "\"text\"", "null", "true", ""})
    void anythingButAnObjectIsABadRequest(String input) {
        refused(input, ErrorCode.BAD_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"id\":22}", "{\"msgid\":null}", "{\"msgid\":\"1\"}", "{\"msgid\":1.5}",
        "{\"msgid\":true}", "{\"msgid\":[1]}", "{\"msgid\":99999999999}"})
    void aMissingOrNonIntegerMsgidIsABadRequest(String input) {
        ProtocolException e = refused(input, ErrorCode.BAD_REQUEST);
        assertTrue(e.getMessage().contains("msgid"), e.getMessage());
        assertNull(e.requestType());
    }

    @Test
    void aMissingMsgidStillEchoesSeq() {
        assertEquals(5, refused("{\"seq\":5,\"id\":1}", ErrorCode.BAD_REQUEST).seq());
    }

    @Test
    void anUnknownMsgidIsAnUnknownTypeNamingTheRequest() {
        ProtocolException e = refused("{\"msgid\":99,\"seq\":7}", ErrorCode.UNKNOWN_TYPE);
        assertEquals(99, e.requestType());
        assertEquals(7, e.seq());
        assertTrue(e.getMessage().contains("99"), e.getMessage());
        assertEquals(new Message.Error(7, 99, ErrorCode.UNKNOWN_TYPE.code(), e.getMessage()), e.toReply());
        refused("{\"msgid\":0}", ErrorCode.UNKNOWN_TYPE);
        refused("{\"msgid\":-1}", ErrorCode.UNKNOWN_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"msgid\":1,\"seq\":9,\"password\":\"x\"}|id",
        "{\"msgid\":1,\"seq\":9,\"id\":22}|password",
        "{\"msgid\":4,\"seq\":9,\"password\":\"x\"}|name",
        "{\"msgid\":4,\"seq\":9,\"name\":\"wei\"}|password",
        "{\"msgid\":6,\"seq\":9,\"msg\":\"hi\"}|toid",
        "{\"msgid\":6,\"seq\":9,\"toid\":23}|msg",
        "{\"msgid\":6,\"seq\":9,\"toid\":23,\"msg\":null}|msg",
        "{\"msgid\":7,\"seq\":9,\"id\":22}|friendid",
        "{\"msgid\":8,\"seq\":9,\"groupdesc\":\"d\"}|groupname",
        "{\"msgid\":9,\"seq\":9,\"id\":22}|groupid",
        "{\"msgid\":10,\"seq\":9,\"msg\":\"hi\"}|groupid",
        "{\"msgid\":10,\"seq\":9,\"groupid\":1}|msg",
        "{\"msgid\":23,\"seq\":9,\"friends\":[{\"id\":13,\"state\":\"online\"}],\"groups\":[]}|name",
        "{\"msgid\":16,\"seq\":9,\"group\":{\"id\":1,\"groupname\":\"g\",\"groupdesc\":\"d\","
            + "\"users\":[{\"id\":13}]}}|name",
        "{\"msgid\":19,\"seq\":9,\"messages\":[{\"mid\":8,\"id\":22,\"name\":\"wsp\",\"msg\":\"hi\"}]}|time"})
    void aMissingFieldIsNamedAndSeqIsEchoed(String caseLine) {
        String[] parts = caseLine.split("\\|");
        ProtocolException e = refused(parts[0], ErrorCode.BAD_REQUEST);
        assertTrue(e.getMessage().contains("'" + parts[1] + "'"), e.getMessage());
        assertEquals(9, e.seq());
        assertEquals(msgidOf(parts[0]), e.requestType());
        assertEquals(new Message.Error(9, msgidOf(parts[0]), ErrorCode.BAD_REQUEST.code(), e.getMessage()),
                e.toReply());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"msgid\":1,\"seq\":9,\"id\":\"22\",\"password\":\"x\"}|id",
        "{\"msgid\":1,\"seq\":9,\"id\":22,\"password\":123456}|password",
        "{\"msgid\":1,\"seq\":9,\"id\":22.5,\"password\":\"x\"}|id",
        "{\"msgid\":6,\"seq\":9,\"toid\":\"23\",\"msg\":\"hi\"}|toid",
        "{\"msgid\":6,\"seq\":9,\"toid\":23,\"msg\":5}|msg",
        "{\"msgid\":6,\"seq\":9,\"toid\":23,\"msg\":{\"a\":1}}|msg",
        "{\"msgid\":6,\"seq\":9,\"id\":\"22\",\"toid\":23,\"msg\":\"hi\"}|id",
        "{\"msgid\":6,\"seq\":9,\"toid\":23,\"msg\":\"hi\",\"time\":20200222}|time",
        "{\"msgid\":6,\"seq\":9,\"toid\":23,\"msg\":\"hi\",\"mid\":\"7\"}|mid",
        "{\"msgid\":7,\"seq\":9,\"friendid\":[23]}|friendid",
        "{\"msgid\":7,\"seq\":9,\"friendid\":99999999999}|friendid",
        "{\"msgid\":8,\"seq\":9,\"groupname\":7}|groupname",
        "{\"msgid\":9,\"seq\":9,\"groupid\":\"1\"}|groupid",
        "{\"msgid\":10,\"seq\":9,\"groupid\":1,\"msg\":true}|msg",
        "{\"msgid\":18,\"seq\":9,\"with\":\"23\"}|with",
        "{\"msgid\":18,\"seq\":9,\"with\":23,\"before\":\"x\"}|before",
        "{\"msgid\":2,\"seq\":9,\"errno\":0,\"friends\":[\"{\\\"id\\\":\\\"13\\\",\\\"name\\\":\\\"n\\\","
            + "\\\"state\\\":\\\"online\\\"}\"]}|id"})
    void aWronglyTypedFieldIsNamedAndSeqIsEchoed(String caseLine) {
        String[] parts = caseLine.split("\\|");
        ProtocolException e = refused(parts[0], ErrorCode.BAD_REQUEST);
        assertTrue(e.getMessage().contains("'" + parts[1] + "'"), e.getMessage());
        assertEquals(9, e.seq());
        assertEquals(msgidOf(parts[0]), e.requestType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"7\"", "7.5", "2147483648", "-2147483649", "true", "[7]", "{}"})
    void aSeqThatIsNotA32BitIntegerIsRefusedSoTheRequestDoesNotRunUnanswered(String seq) {
        ProtocolException e = refused("{\"msgid\":20,\"seq\":" + seq + "}", ErrorCode.BAD_REQUEST);
        assertTrue(e.getMessage().contains("'seq'"), e.getMessage());
        assertEquals(20, e.requestType());
        assertNull(e.seq());
    }

    @Test
    void aNullSeqIsNoSeq() throws ProtocolException {
        assertNull(codec.decode("{\"msgid\":20,\"seq\":null}").seq());
        assertEquals(Integer.MAX_VALUE, codec.decode("{\"msgid\":20,\"seq\":2147483647}").seq());
    }

    @Test
    void namesUpToTheLimitPassAndLongerOnesAreRefused() throws ProtocolException {
        String name = "n".repeat(Limits.MAX_NAME_CHARS);
        assertEquals(name, ((Register) codec.decode(register(name, "pw"))).name());
        ProtocolException e = refused(register(name + "n", "pw"), ErrorCode.BAD_REQUEST);
        assertTrue(e.getMessage().contains("'name'") && e.getMessage().contains(String.valueOf(Limits.MAX_NAME_CHARS)),
                e.getMessage());
    }

    @Test
    void lengthsAreCountedInCharactersNotBytesOrUtf16Units() throws ProtocolException {
        String emoji = "😀".repeat(Limits.MAX_NAME_CHARS);
        assertEquals(emoji, ((Register) codec.decode(register(emoji, "pw"))).name());
        refused(register(emoji + "😀", "pw"), ErrorCode.BAD_REQUEST);
        String chinese = "中".repeat(Limits.MAX_MESSAGE_CHARS);
        assertEquals(chinese, ((OneChat) codec.decode(chat(chinese))).msg());
    }

    @Test
    void overLongFieldsAreRefused() throws ProtocolException {
        refused(chat("x".repeat(Limits.MAX_MESSAGE_CHARS + 1)), ErrorCode.BAD_REQUEST);
        assertEquals(Limits.MAX_MESSAGE_CHARS, ((OneChat) codec.decode(chat("x".repeat(Limits.MAX_MESSAGE_CHARS))))
                .msg().length());
        refused(codec.encode(new GroupChat(null, null, null, 1, "x".repeat(Limits.MAX_MESSAGE_CHARS + 1), null, null)),
                ErrorCode.BAD_REQUEST);
        refused(register("wei", "p".repeat(Limits.MAX_PASSWORD_CHARS + 1)), ErrorCode.BAD_REQUEST);
        refused(codec.encode(new Login(null, 1, "p".repeat(Limits.MAX_PASSWORD_CHARS + 1))), ErrorCode.BAD_REQUEST);
        refused(codec.encode(new CreateGroup(null, null, "g".repeat(Limits.MAX_GROUP_NAME_CHARS + 1), "d")),
                ErrorCode.BAD_REQUEST);
        refused(codec.encode(new CreateGroup(null, null, "g", "d".repeat(Limits.MAX_GROUP_DESC_CHARS + 1))),
                ErrorCode.BAD_REQUEST);
        codec.decode(codec.encode(new CreateGroup(null, null, "g".repeat(Limits.MAX_GROUP_NAME_CHARS),
                "d".repeat(Limits.MAX_GROUP_DESC_CHARS))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t", "　", "a\u0001b", "line\nbreak", "\u007f"})
    void blankNamesOrNamesWithControlCharactersAreRefused(String name) {
        assertTrue(refused(register(name, "pw"), ErrorCode.BAD_REQUEST).getMessage().contains("'name'"));
        assertTrue(refused(codec.encode(new CreateGroup(null, null, name, "d")), ErrorCode.BAD_REQUEST)
                .getMessage().contains("'groupname'"));
    }

    @Test
    void aLoginNamesTheUserByExactlyOneOfIdAndNameAndTheNameIsNormalized() throws ProtocolException {
        assertEquals(Login.byName(null, "小明 Lee", "pw"),
                codec.decode("{\"msgid\":1,\"name\":\"  小明\u3000 Ｌｅｅ \",\"password\":\"pw\"}"));
        ProtocolException both = refused("{\"msgid\":1,\"seq\":3,\"id\":22,\"name\":\"wsp\",\"password\":\"pw\"}",
                ErrorCode.BAD_REQUEST);
        assertEquals(3, both.seq());
        assertTrue(both.getMessage().contains("'name'"), both.getMessage());
        refused("{\"msgid\":1,\"name\":\"a\\u0001b\",\"password\":\"pw\"}", ErrorCode.BAD_REQUEST);
    }

    @Test
    void aUserLookupNormalizesTheName() throws ProtocolException {
        assertEquals(new FindUser(4, "wei"), codec.decode("{\"msgid\":33,\"seq\":4,\"name\":\" ｗｅｉ\"}"));
        refused("{\"msgid\":33,\"seq\":4}", ErrorCode.BAD_REQUEST);
    }

    @Test
    void aPasswordChangeNeedsBothPasswordsAndNeverShowsThemInItsText() {
        assertTrue(refused("{\"msgid\":39,\"password\":\"old\"}", ErrorCode.BAD_REQUEST).getMessage()
                .contains("'newpassword'"));
        refused(codec.encode(new ChangePassword(null, "old", "p".repeat(Limits.MAX_PASSWORD_CHARS + 1))),
                ErrorCode.BAD_REQUEST);
        String text = new ChangePassword(5, "old-secret", "new-secret").toString();
        assertFalse(text.contains("secret"), text);
        assertFalse(Login.byName(6, "wei", "my-secret").toString().contains("secret"));
    }

    @Test
    void historyNeedsExactlyOneOfWithAndGroupid() {
        ProtocolException both = refused("{\"msgid\":18,\"seq\":4,\"with\":23,\"groupid\":1}", ErrorCode.BAD_REQUEST);
        assertEquals(4, both.seq());
        assertEquals(MessageType.HISTORY.id(), both.requestType());
        refused("{\"msgid\":18,\"seq\":4}", ErrorCode.BAD_REQUEST);
        refused("{\"msgid\":18,\"with\":null,\"groupid\":null}", ErrorCode.BAD_REQUEST);
    }

    @Test
    void historyLimitIsBounded() throws ProtocolException {
        refused("{\"msgid\":18,\"with\":23,\"limit\":0}", ErrorCode.BAD_REQUEST);
        refused("{\"msgid\":18,\"with\":23,\"limit\":" + (Limits.MAX_HISTORY_PAGE + 1) + "}", ErrorCode.BAD_REQUEST);
        assertEquals(Limits.MAX_HISTORY_PAGE, ((History) codec.decode(
                "{\"msgid\":18,\"with\":23,\"limit\":" + Limits.MAX_HISTORY_PAGE + "}")).limit());
    }

    @Test
    void aListElementThatIsNotAnObjectIsRefused() {
        refused("{\"msgid\":23,\"friends\":[\"not json\"],\"groups\":[]}", ErrorCode.BAD_REQUEST);
        refused("{\"msgid\":23,\"friends\":[5],\"groups\":[]}", ErrorCode.BAD_REQUEST);
    }

    @Test
    void aNestedObjectThatIsNotAnObjectIsRefusedByName() {
        assertTrue(refused("{\"msgid\":14,\"friend\":5}", ErrorCode.BAD_REQUEST).getMessage().contains("'friend'"));
        assertTrue(refused("{\"msgid\":15}", ErrorCode.BAD_REQUEST).getMessage().contains("'group'"));
        assertTrue(refused("{\"msgid\":23,\"friends\":[5],\"groups\":[]}", ErrorCode.BAD_REQUEST)
                .getMessage().contains("'friends'"));
    }

    // ---- helpers ----

    private ProtocolException refused(String input, ErrorCode code) {
        return refused(input.getBytes(StandardCharsets.UTF_8), code);
    }

    private ProtocolException refused(byte[] input, ErrorCode code) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(input),
                () -> new String(input, StandardCharsets.UTF_8));
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private byte[] register(String name, String password) {
        return codec.encode(new Register(null, name, password));
    }

    private byte[] chat(String msg) {
        return codec.encode(new OneChat(null, null, null, 23, msg, null, null));
    }

    private int msgidOf(String input) {
        try {
            return json.readTree(input).get("msgid").intValue();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean containsNull(JsonNode tree) {
        if (tree.isNull()) {
            return true;
        }
        for (JsonNode child : tree) {
            if (containsNull(child)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> fieldNames(JsonNode tree) {
        Set<String> names = new java.util.HashSet<>();
        tree.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Replaces every JSON-text element of the login ack's lists by the object it holds, at every level. */
    private JsonNode unwrap(JsonNode ack) throws Exception {
        ObjectNode copy = ack.deepCopy();
        for (String list : List.of("friends", "groups", "offlinemsg")) {
            ArrayNode parsed = json.createArrayNode();
            for (JsonNode element : ack.get(list)) {
                JsonNode object = json.readTree(element.textValue());
                if (object.has("users")) {
                    List<JsonNode> users = new ArrayList<>();
                    for (JsonNode user : object.get("users")) {
                        users.add(json.readTree(user.textValue()));
                    }
                    ((ObjectNode) object).set("users", json.createArrayNode().addAll(users));
                }
                parsed.add(object);
            }
            copy.set(list, parsed);
        }
        return copy;
    }
}
