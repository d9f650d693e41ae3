package chat.core;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns {@link Message}s into compact JSON and back: each message writes its own fields, and the msgid picks
 * the {@link MessageType} whose record reads them. Optional keys are left out rather than sent as null.
 * Thread-safe; one instance serves a whole process.
 */
public final class Codec {
    // Emoji go out as UTF-8 like every other character, not as \uD83D\uDE00 escapes that nc users would see.
    // The buffer pool is shared rather than per thread: with a virtual thread per connection and per write
    // burst, a thread-local pool would allocate fresh buffers for nearly every message.
    private final JsonFactory factory = new JsonFactoryBuilder()
            .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();
    private final ObjectMapper mapper = JsonMapper.builder(factory).build();

    /** The message as one line of JSON, ending in {@code \n}: the server's and our client's framing. */
    public byte[] encodeLine(Message message) {
        return encode(message, true);
    }

    public byte[] encode(Message message) {
        return encode(message, false);
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
        JsonNode msgid = root.get(FieldName.MSGID.wire());
        Integer id = msgid != null && msgid.isIntegralNumber() && msgid.canConvertToInt() ? msgid.intValue() : null;
        JsonNode seqNode = root.path(FieldName.SEQ.wire());
        Integer seq = seqNode.isIntegralNumber() && seqNode.canConvertToInt() ? seqNode.intValue() : null;
        if (seq == null && !seqNode.isMissingNode() && !seqNode.isNull()) {
            // Ignoring it would run the request and answer nothing: the client waits for an answer to that seq.
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "field 'seq' must be an integer from "
                    + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE, id, null);
        }
        if (id == null) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "field 'msgid' must be an integer", null, seq);
        }
        MessageType type = MessageType.byId(msgid.intValue()).orElseThrow(() -> new ProtocolException(
                ErrorCode.UNKNOWN_TYPE, "unknown msgid " + msgid.intValue(), msgid.intValue(), seq));
        return type.read(new Fields(mapper, root, type.id(), seq));
    }

    // Streams straight into the bytes that go out: no tree, and the line's newline without another copy.
    private byte[] encode(Message message, boolean asLine) {
        BufferRecycler recycler = factory._getBufferRecycler();
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator out = factory.createGenerator(bytes, JsonEncoding.UTF8)) {
                FieldWriter fields = new FieldWriter(factory, out);
                out.writeStartObject();
                fields.number(FieldName.MSGID, message.type().id());
                message.write(fields);
                fields.optional(FieldName.SEQ, message.seq());
                out.writeEndObject();
                if (asLine) {
                    out.writeRaw('\n');
                }
            }
            byte[] encoded = bytes.toByteArray();
            bytes.release();
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            recycler.releaseToPool();
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable input";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
