package chat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameReaderTest {
    private static final String A = "{\"msgid\":1,\"id\":22,\"password\":\"123456\"}";
    private static final String B = "{\"msgid\":6,\"id\":22,\"from\":\"wsp\",\"toid\":23,\"msg\":\"hello!\"}";
    private static final String C = "{\"msgid\":6,\"id\":23,\"from\":\"wei\",\"toid\":22,\"msg\":\"嗨！😀\"}";
    private static final Duration LIMIT = Duration.ofSeconds(5);

    // ---- separators ----

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n", "\r\n", "\t", "\0", "\0\n", " \n\t\r\0 ", "\n\n\n"})
    void objectsMayBeSeparatedByNothingWhitespaceNewlinesOrNul(String separator) throws Exception {
        String stream = A + separator + B + separator + C + separator;
        assertEquals(List.of(A, B, C), readAll(bytes(stream)));
    }

    @Test
    void readsTheOriginalClientsNulTerminatedRequestsAndDecodesThem() throws Exception {
        Codec codec = new Codec();
        String stream = A + "\0" + B + "\0" + C + "\0";
        List<Message> messages = new ArrayList<>();
        FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes(stream)), Limits.MAX_FRAME_BYTES);
        for (byte[] frame = reader.next(); frame != null; frame = reader.next()) {
            messages.add(codec.decode(frame));
        }
        assertEquals(List.of(new Message.Login(null, 22, "123456"),
                new Message.OneChat(null, 22, null, 23, "hello!", null, null),
                new Message.OneChat(null, 23, null, 22, "嗨！😀", null, null)), messages);
    }

    @Test
    void readsSeveralObjectsArrivingInOneRead() throws Exception {
        String stream = (A + B + "\n" + C + "\0").repeat(10);
        assertEquals(List.of(A, B), readAll(new ChunkedStream(List.of(bytes(A + B)))));
        List<String> frames = readAll(bytes(stream));
        assertEquals(30, frames.size());
        for (int i = 0; i < 30; i += 3) {
            assertEquals(List.of(A, B, C), frames.subList(i, i + 3));
        }
    }

    // ---- splits across reads ----

    @Test
    void readsObjectsSplitAcrossReadsOneByteAtATime() throws Exception {
        String stream = A + "\0" + B + "\n" + C + " " + A;
        assertEquals(List.of(A, B, C, A), readAll(new OneByteAtATime(bytes(stream))));
    }

    @Test
    void readsMultiByteUtf8SplitInsideACharacter() throws Exception {
        byte[] stream = bytes(C + "\n");
        byte[] chinese = "嗨".getBytes(StandardCharsets.UTF_8);
        byte[] emoji = "😀".getBytes(StandardCharsets.UTF_8);
        int chineseAt = indexOf(stream, chinese);
        int emojiAt = indexOf(stream, emoji);
        for (int cut = 1; cut < chinese.length; cut++) {
            assertEquals(List.of(C), readAll(ChunkedStream.cutAt(stream, chineseAt + cut)), "cut " + cut);
        }
        for (int cut = 1; cut < emoji.length; cut++) {
            assertEquals(List.of(C), readAll(ChunkedStream.cutAt(stream, emojiAt + cut)), "cut " + cut);
        }
        assertEquals(List.of(C), readAll(new OneByteAtATime(stream)));
    }

    @Test
    void aFrameIsItsOwnCopyAndSurvivesTheNextRead() throws Exception {
        FrameReader reader = reader(bytes(A + B));
        byte[] first = reader.next();
        byte[] second = reader.next();
        assertEquals(A, text(first));
        assertEquals(B, text(second));
    }

    // ---- what a naive scanner gets wrong ----

    @Test
    void bracesAndQuotesInsideStringsDoNotEndTheObject() throws Exception {
        String tricky = "{\"msgid\":6,\"toid\":23,\"msg\":\"}{\\\"x\"}";
        String brackets = "{\"msg\":\"]]]}}}[[{{\",\"a\":\"\\\\\"}";
        assertEquals(List.of(tricky, brackets, A), readAll(bytes(tricky + brackets + A)));
        assertEquals(List.of(tricky, brackets, A), readAll(new OneByteAtATime(bytes(tricky + brackets + A))));
    }

    @Test
    void anEscapedBackslashBeforeAClosingQuoteEndsTheString() throws Exception {
        String object = "{\"msg\":\"ends in a backslash \\\\\"}";
        assertEquals(List.of(object, A), readAll(bytes(object + A)));
    }

    @Test
    void nestedObjectsAndArraysStayInOneFrame() throws Exception {
        String nested = "{\"a\":{\"b\":[1,{\"c\":[]},[[]]],\"d\":{}},\"e\":\"]\"}";
        assertEquals(List.of(nested, A), readAll(bytes(nested + "\n" + A)));
    }

    // ---- broken input and resynchronisation ----

    @Test
    void garbageBeforeAnObjectIsAnErrorThenTheNextLinesObjectIsRead() throws Exception {
        FrameReader reader = reader(bytes("hello " + A + "\n" + B + "\n"));
        assertEquals(ErrorCode.BAD_REQUEST, refusal(reader).code());
        assertEquals(B, text(reader.next()));
        assertNull(reader.next());
    }

    @Test
    void garbageEndsAtANulToo() throws Exception {
        FrameReader reader = reader(bytes("]]\0" + A + "\0"));
        assertEquals(ErrorCode.BAD_REQUEST, refusal(reader).code());
        assertEquals(A, text(reader.next()));
    }

    @Test
    void anUnterminatedStringFollowedByANewlineIsAnErrorThenTheStreamResyncs() throws Exception {
        FrameReader reader = reader(bytes("{\"msgid\":6,\"msg\":\"oops\n" + A + "\n"));
        assertEquals(ErrorCode.BAD_REQUEST, refusal(reader).code());
        assertEquals(A, text(reader.next()));
        assertNull(reader.next());
    }

    @Test
    void anUnterminatedStringOverSeveralReadsResyncsToo() throws Exception {
        FrameReader reader = new FrameReader(new OneByteAtATime(bytes("{\"msg\":\"oops and more\n" + B)), 1024);
        assertEquals(ErrorCode.BAD_REQUEST, refusal(reader).code());
        assertEquals(B, text(reader.next()));
    }

    @Test
    void aNulInsideAnObjectEndsItWithAnErrorAndTheNextObjectIsRead() throws Exception {
        FrameReader reader = reader(bytes("{\"msgid\":1,\0" + A));
        assertEquals(ErrorCode.BAD_REQUEST, refusal(reader).code());
        assertEquals(A, text(reader.next()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"msgid\":20,\"seq\":", "{\"msgid\":20,", "{", "{\"a\":{\"b\":1}"})
    void anObjectCutOffAtTheEndOfItsLineIsAnErrorThereAndTheNextLineIsRead(String cutOff) throws Exception {
        FrameReader reader = reader(bytes(cutOff + "\n" + A + "\n" + B + "\n"));
        ProtocolException e = refusal(reader);
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertEquals(List.of(A, B), readAll(reader));
    }

    @Test
    void aFrameOverTheMaximumIsTooLarge() {
        String big = "{\"msg\":\"" + "x".repeat(100) + "\"}";
        ProtocolException e = assertThrows(ProtocolException.class, () -> new FrameReader(
                new ByteArrayInputStream(bytes(big)), 64).next());
        assertEquals(ErrorCode.TOO_LARGE, e.code());
    }

    @Test
    void aFrameOfExactlyTheMaximumPasses() throws Exception {
        String object = "{\"msg\":\"" + "x".repeat(56) + "\"}";
        assertEquals(66, bytes(object).length);
        assertEquals(List.of(object), readAll(new FrameReader(new ByteArrayInputStream(bytes(object)), 66)));
        ProtocolException e = assertThrows(ProtocolException.class, () -> new FrameReader(
                new ByteArrayInputStream(bytes(object)), 65).next());
        assertEquals(ErrorCode.TOO_LARGE, e.code());
    }

    @Test
    void theProtocolLimitRefusesAFrameJustOver64KiB() throws Exception {
        String fits = "{\"msg\":\"" + "x".repeat(Limits.MAX_FRAME_BYTES - 10) + "\"}";
        String over = "{\"msg\":\"" + "x".repeat(Limits.MAX_FRAME_BYTES - 9) + "\"}";
        FrameReader reader = reader(bytes(fits + over));
        assertEquals(Limits.MAX_FRAME_BYTES, reader.next().length);
        assertEquals(ErrorCode.TOO_LARGE, refusal(reader).code());
    }

    @Test
    void largeFramesAndSmallOnesFollowEachOther() throws Exception {
        String large = "{\"msg\":\"" + "y".repeat(20_000) + "\"}";
        assertEquals(List.of(large, A, large, B), readAll(bytes(large + A + large + B)));
    }

    // ---- end of stream ----

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", " \0 \n", A, A + "\0", A + "\n\n"})
    void theStreamEndingBetweenObjectsIsNull(String stream) throws Exception {
        FrameReader reader = reader(bytes(stream));
        if (stream.contains("{")) {
            assertEquals(A, text(reader.next()));
        }
        assertNull(reader.next());
        assertNull(reader.next());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"msgid\":1", "{\"msg\":\"unterminated", "{\"a\":{\"b\":1}", "{\"a\":\"\\"})
    void theStreamEndingInsideAnObjectIsAnError(String stream) throws Exception {
        FrameReader reader = reader(bytes(A + stream));
        assertEquals(A, text(reader.next()));
        assertEquals(ErrorCode.BAD_REQUEST, refusal(reader).code());
        assertNull(reader.next());
    }

    // ---- helpers ----

    private static List<String> readAll(byte[] stream) throws Exception {
        return readAll(new ByteArrayInputStream(stream));
    }

    private static List<String> readAll(InputStream in) throws Exception {
        return readAll(new FrameReader(in, Limits.MAX_FRAME_BYTES));
    }

    private static List<String> readAll(FrameReader reader) throws Exception {
        return assertTimeoutPreemptively(LIMIT, () -> {
            List<String> frames = new ArrayList<>();
            for (byte[] frame = reader.next(); frame != null; frame = reader.next()) {
                frames.add(text(frame));
            }
            return frames;
        });
    }

    private static FrameReader reader(byte[] stream) {
        return new FrameReader(new ByteArrayInputStream(stream), Limits.MAX_FRAME_BYTES);
    }

    private static ProtocolException refusal(FrameReader reader) {
        return assertThrows(ProtocolException.class, reader::next);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    /** Hands out one byte per read, as a slow network might. */
    private static final class OneByteAtATime extends InputStream {
        private final byte[] data;
        private int pos;

        OneByteAtATime(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos >= data.length) {
                return -1;
            }
            b[off] = data[pos++];
            return 1;
        }
    }

    /** Hands out the given chunks, one per read. */
    private static final class ChunkedStream extends InputStream {
        private final List<byte[]> chunks;
        private int next;

        ChunkedStream(List<byte[]> chunks) {
            this.chunks = chunks;
        }

        static ChunkedStream cutAt(byte[] data, int cut) {
            return new ChunkedStream(List.of(Arrays.copyOfRange(data, 0, cut), Arrays.copyOfRange(data, cut, data.length)));
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (next == chunks.size()) {
                return -1;
            }
            byte[] chunk = chunks.get(next++);
            if (chunk.length > len) {
                throw new IllegalStateException("test chunk larger than the reader's buffer");
            }
            System.arraycopy(chunk, 0, b, off, chunk.length);
            return chunk.length;
        }
    }
}
