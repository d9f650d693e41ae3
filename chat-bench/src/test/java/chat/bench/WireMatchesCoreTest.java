package chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.core.Codec;
import chat.core.Message;
import chat.core.MessageType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Wire hand-encodes and hand-scans the protocol for speed; chat-core's MessageType and Codec define it. These
 * tests tie the two together, so a change in chat-core cannot leave the tool speaking a protocol of its own.
 */
class WireMatchesCoreTest {
    private static final String TEXT = "2:7:1234:987654321:";

    private final Codec codec = new Codec();

    @Test
    void everyMsgidTheToolUsesIsChatCoresNumberForThatType() {
        assertEquals(MessageType.ONE_CHAT.id(), Wire.ONE_CHAT);
        assertEquals(MessageType.GROUP_CHAT.id(), Wire.GROUP_CHAT);
        assertEquals(MessageType.ERROR.id(), Wire.ERROR);
        assertEquals(MessageType.ONE_CHAT_ACK.id(), Wire.ONE_CHAT_ACK);
        assertEquals(MessageType.GROUP_CHAT_ACK.id(), Wire.GROUP_CHAT_ACK);
        assertEquals(MessageType.PING.id(), Wire.PING);
        assertEquals(MessageType.PONG.id(), Wire.PONG);
    }

    @Test
    void aOneToOneChatRequestDecodesToTheChatItCarries() throws Exception {
        assertEquals(new Message.OneChat(null, null, null, 42, TEXT + "xxx", null, null),
                codec.decode(request(Wire.oneChatPrefix(42), 3)));
    }

    @Test
    void aGroupChatRequestDecodesToTheChatItCarries() throws Exception {
        assertEquals(new Message.GroupChat(null, null, null, 5, TEXT, null, null),
                codec.decode(request(Wire.groupChatPrefix(5), 0)));
    }

    @Test
    void thePingLineDecodesToAPingThatAsksForNoSeq() throws Exception {
        assertEquals(new Message.Ping(null), codec.decode(Wire.PING_LINE));
    }

    @Test
    void theScannerReadsChatsAsChatCoreEncodesThem() {
        for (Message delivered : List.of(
                new Message.OneChat(null, 3, "u", 42, TEXT, "2026-11-27 10:00:00", 9L),
                new Message.GroupChat(null, 3, "u", 5, TEXT, "2026-11-27 10:00:00", 9L))) {
            byte[] line = codec.encode(delivered);
            assertEquals(delivered.type().id(), Wire.msgid(line, 0, line.length), delivered.toString());
            int p = Wire.text(line, 0, line.length);
            long[] fields = new long[4];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = Wire.number(line, p, line.length);
                p = Wire.skipField(line, p, line.length);
            }
            assertEquals(List.of(2L, 7L, 1234L, 987654321L), Arrays.stream(fields).boxed().toList(),
                    delivered.toString());
        }
    }

    @Test
    void theScannerFindsTheMsgidOfEveryAnswerTheToolCounts() {
        for (Message answer : List.of(new Message.OneChatAck(4, 9L, "2026-11-27 10:00:00"),
                new Message.GroupChatAck(4, 9L, "2026-11-27 10:00:00"), new Message.Pong(null),
                new Message.Error(4, 6, 7, "no user with id 99"))) {
            byte[] line = codec.encode(answer);
            assertEquals(answer.type().id(), Wire.msgid(line, 0, line.length), answer.toString());
        }
    }

    private static byte[] request(byte[] prefix, int padding) {
        ByteBuffer out = ByteBuffer.allocate(Wire.MAX_REQUEST);
        Wire.putChat(out, prefix, 2, 7, 1234, 987654321L, padding);
        return Arrays.copyOf(out.array(), out.position());
    }
}
