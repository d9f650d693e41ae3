package chat.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

/**
 * Writes the fields of one JSON object of a message straight onto the output, as each message's {@code write}
 * gives them. The {@code optional} methods leave a null field out rather than sending null.
 */
final class FieldWriter {
    private final JsonFactory factory;
    private final JsonGenerator out;

    FieldWriter(JsonFactory factory, JsonGenerator out) {
        this.factory = factory;
        this.out = out;
    }

    void number(FieldName field, int value) throws IOException {
        out.writeFieldName(field.serialized());
        out.writeNumber(value);
    }

    void number(FieldName field, long value) throws IOException {
        out.writeFieldName(field.serialized());
        out.writeNumber(value);
    }

    void bool(FieldName field, boolean value) throws IOException {
        out.writeFieldName(field.serialized());
        out.writeBoolean(value);
    }

    void string(FieldName field, String value) throws IOException {
        out.writeFieldName(field.serialized());
        out.writeString(value);
    }

    void optional(FieldName field, Integer value) throws IOException {
        if (value != null) {
            number(field, value.intValue());
        }
    }

    void optional(FieldName field, Long value) throws IOException {
        if (value != null) {
            number(field, value.longValue());
        }
    }

    void optional(FieldName field, String value) throws IOException {
        if (value != null) {
            string(field, value);
        }
    }

    /** An array of strings, each written as it is. */
    void texts(FieldName field, List<String> values) throws IOException {
        out.writeFieldName(field.serialized());
        out.writeStartArray();
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }

    <T> void object(FieldName field, T item, ElementWriter<T> writer) throws IOException {
        out.writeFieldName(field.serialized());
        writeObject(item, writer);
    }

    <T> void objects(FieldName field, List<T> items, ElementWriter<T> writer) throws IOException {
        out.writeFieldName(field.serialized());
        out.writeStartArray();
        for (T item : items) {
            writeObject(item, writer);
        }
        out.writeEndArray();
    }

    /**
     * An array of strings, each the JSON text of one object: the original server's shape for the login ack's
     * lists, whose elements the original client parses again.
     */
    <T> void objectTexts(FieldName field, List<T> items, ElementWriter<T> writer) throws IOException {
        out.writeFieldName(field.serialized());
        out.writeStartArray();
        for (T item : items) {
            StringWriter text = new StringWriter();
            try (JsonGenerator nested = factory.createGenerator(text)) {
                new FieldWriter(factory, nested).writeObject(item, writer);
            }
            out.writeString(text.toString());
        }
        out.writeEndArray();
    }

    private <T> void writeObject(T item, ElementWriter<T> writer) throws IOException {
        out.writeStartObject();
        writer.write(item, this);
        out.writeEndObject();
    }

    /** Writes the fields of one nested object, such as a friend in a contact list. */
    @FunctionalInterface
    interface ElementWriter<T> {
        void write(T item, FieldWriter out) throws IOException;
    }
}
