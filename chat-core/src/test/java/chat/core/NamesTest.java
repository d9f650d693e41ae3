package chat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @Test
    void aPlainNameStaysAsItIs() {
        assertEquals("alice", Names.normalize("alice"));
        assertEquals("小明", Names.normalize("小明"));
        assertEquals("Ёжик", Names.normalize("Ёжик"));
        assertEquals("Tom 李 2024 😀", Names.normalize("Tom 李 2024 😀"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice\u00A0", " alice ", "ａｌｉｃｅ", "alice\u3000", "\u2003alice"})
    void namesThatLookTheSameBecomeTheSameName(String lookAlike) {
        assertEquals("alice", Names.normalize(lookAlike));
    }

    @Test
    void runsOfSpacesBecomeOne() {
        assertEquals("alice bob", Names.normalize("alice \u2002 bob"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice\u200B", "al\u200Dice", "\u202Ealice", "alice\u2066", "ali\u00ADce", "\uFEFFalice",
        "alice\u0007", "\u3164", "alice\uE000"})
    void invisibleControlAndBidiCharactersAreRefused(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Names.normalize(name));
        assertTrue(e.getMessage().contains("invisible") || e.getMessage().contains("blank"), e.getMessage());
    }

    @Test
    void aNameMixingLatinAndCyrillicLettersIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Names.normalize("\u0430lice"));
        assertTrue(e.getMessage().contains("Cyrillic") && e.getMessage().contains("Latin"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Names.normalize("p\u03B1ypal"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u00A0", "\u3000\u3000"})
    void aBlankNameIsRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> Names.normalize(name));
    }
}
