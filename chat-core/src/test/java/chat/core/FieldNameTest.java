package chat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FieldNameTest {

    @Test
    void everyWireKeyIsDefinedOnce() {
        long distinct = Arrays.stream(FieldName.values()).map(FieldName::wire).distinct().count();
        assertEquals(FieldName.values().length, distinct);
    }
}
