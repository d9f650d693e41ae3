package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chat.client.Words.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void quotesAndBackslashesWorkAsInSh() {
        assertEquals(List.of(new Word("my group", true), new Word("a desc", true), new Word("plain", false)),
                new Words("\"my group\"  'a desc'\tplain", 0).all());
        assertEquals(List.of(new Word("a b", true), new Word("it's", true), new Word("x\"y", true)),
                new Words("a\\ b it\\'s \"x\\\"y\"", 0).all());
        // Inside single quotes nothing is special; inside double quotes a backslash escapes only " and itself.
        assertEquals(List.of(new Word("a\\b", true), new Word("c\\d", true)), new Words("'a\\b' \"c\\d\"", 0).all());
        assertEquals(List.of(new Word("", true)), new Words("''", 0).all());
    }

    @Test
    void theRestIsTakenAsTyped() {
        Words words = new Words("chat 23  don't \"quote\"  me ", 4);
        assertEquals(new Word("23", false), words.next());
        assertEquals("don't \"quote\"  me ", words.rest());
        assertNull(new Words("   ", 0).next());
    }

    @Test
    void fieldsEndAtAnUnquotedColonAndKeepInnerSpaces() {
        Words fields = new Words(" my group :\"a:b\":rest: of it", 0);
        assertEquals(new Word("my group", false), fields.field());
        assertEquals(new Word("a:b", true), fields.field());
        assertEquals("rest: of it", fields.rest());
    }

    @Test
    void anOpenQuoteOrADanglingBackslashIsMalformed() {
        assertThrows(Words.Malformed.class, () -> new Words("'open", 0).all());
        assertThrows(Words.Malformed.class, () -> new Words("end\\", 0).all());
    }

    @Test
    void quoteReadsBackAsTheSameWord() {
        for (String text : List.of("bob", "John Doe", "a:b", "it's", "say \"hi\"", "back\\slash", "", "张三")) {
            List<Word> read = new Words(Words.quote(text), 0).all();
            assertEquals(text, read.getFirst().text(), Words.quote(text));
            assertEquals(1, read.size());
        }
        assertEquals("bob", Words.quote("bob"));
        assertEquals("\"John Doe\"", Words.quote("John Doe"));
    }
}
