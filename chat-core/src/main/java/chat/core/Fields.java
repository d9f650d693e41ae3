package chat.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one JSON object of a message, as each message's {@code read} takes them. A field that is
 * missing, mistyped or too long is refused with {@link ErrorCode#BAD_REQUEST}, naming the field and what was
 * expected, and carrying the message's msgid and seq so the error reply answers the right request. A null
 * field counts as absent.
 */
final class Fields {
    private final ObjectMapper mapper;
    private final JsonNode object;
    private final int msgid;
    private final Integer seq;

    Fields(ObjectMapper mapper, JsonNode object, int msgid, Integer seq) {
        this.mapper = mapper;
        this.object = object;
        this.msgid = msgid;
        this.seq = seq;
    }

    /** The seq of the message these fields belong to; null when it carried none. */
    Integer seq() {
        return seq;
    }

    int requireInt(FieldName field) throws ProtocolException {
        JsonNode node = require(field);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw bad("field '" + field.wire() + "' must be an integer");
        }
        return node.intValue();
    }

    Integer optionalInt(FieldName field) throws ProtocolException {
        return isPresent(field) ? requireInt(field) : null;
    }

    long requireLong(FieldName field) throws ProtocolException {
        JsonNode node = require(field);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw bad("field '" + field.wire() + "' must be an integer");
        }
        return node.longValue();
    }

    Long optionalLong(FieldName field) throws ProtocolException {
        return isPresent(field) ? requireLong(field) : null;
    }

    boolean requireBoolean(FieldName field) throws ProtocolException {
        JsonNode node = require(field);
        if (!node.isBoolean()) {
            throw bad("field '" + field.wire() + "' must be true or false");
        }
        return node.booleanValue();
    }

    String requireString(FieldName field) throws ProtocolException {
        return requireString(field, Integer.MAX_VALUE);
    }

    /** {@code maxChars} counts characters as users see them (code points), not bytes or UTF-16 units. */
    String requireString(FieldName field, int maxChars) throws ProtocolException {
        JsonNode node = require(field);
        if (!node.isTextual()) {
            throw bad("field '" + field.wire() + "' must be a string");
        }
        String value = node.textValue();
        if (value.codePointCount(0, value.length()) > maxChars) {
            throw bad("field '" + field.wire() + "' is longer than " + maxChars + " characters");
        }
        return value;
    }

    String optionalString(FieldName field) throws ProtocolException {
        return optionalString(field, Integer.MAX_VALUE);
    }

    String optionalString(FieldName field, int maxChars) throws ProtocolException {
        return isPresent(field) ? requireString(field, maxChars) : null;
    }

    /** A name shown to other users, in the form it is stored and compared in (see {@link Names}). */
    String requireName(FieldName field, int maxChars) throws ProtocolException {
        String name;
        try {
            name = Names.normalize(requireString(field, maxChars));
        } catch (IllegalArgumentException e) {
            throw bad("field '" + field.wire() + "' " + e.getMessage());
        }
        if (name.codePointCount(0, name.length()) > maxChars) {
            throw bad("field '" + field.wire() + "' is longer than " + maxChars + " characters");
        }
        return name;
    }

    String optionalName(FieldName field, int maxChars) throws ProtocolException {
        return isPresent(field) ? requireName(field, maxChars) : null;
    }

    /** An array of strings; an element that is not a string is kept as its JSON text. Absent means empty. */
    List<String> texts(FieldName field) {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : object.path(field.wire())) {
            texts.add(element.isTextual() ? element.textValue() : element.toString());
        }
        return texts;
    }

    /** A nested object, given as an object or as the JSON text of one. */
    <T> T object(FieldName field, ElementReader<T> reader) throws ProtocolException {
        return reader.read(nested(require(field), "field '" + field.wire() + "' must be a JSON object"));
    }

    /** An array of objects, each given as an object or as the JSON text of one. Absent means empty. */
    <T> List<T> objects(FieldName field, ElementReader<T> reader) throws ProtocolException {
        List<T> items = new ArrayList<>();
        for (JsonNode element : object.path(field.wire())) {
            items.add(reader.read(nested(element, "an element of '" + field.wire() + "' is not a JSON object")));
        }
        return items;
    }

    /** A refusal of this message, for checks that span fields. */
    ProtocolException bad(String why) {
        return new ProtocolException(ErrorCode.BAD_REQUEST, why, msgid, seq);
    }

    private boolean isPresent(FieldName field) {
        return object.hasNonNull(field.wire());
    }

    private JsonNode require(FieldName field) throws ProtocolException {
        JsonNode node = object.get(field.wire());
        if (node == null || node.isNull()) {
            throw bad("missing field '" + field.wire() + "'");
        }
        return node;
    }

    private Fields nested(JsonNode node, String whyNot) throws ProtocolException {
        JsonNode parsed = node;
        if (node.isTextual()) {
            try {
                parsed = mapper.readTree(node.textValue());
            } catch (IOException e) {
                throw bad(whyNot);
            }
        }
        if (parsed == null || !parsed.isObject()) {
            throw bad(whyNot);
        }
        return new Fields(mapper, parsed, msgid, seq);
    }

    /** Reads one nested object, such as a friend in a contact list. */
    @FunctionalInterface
    interface ElementReader<T> {
        T read(Fields fields) throws ProtocolException;
    }
}
