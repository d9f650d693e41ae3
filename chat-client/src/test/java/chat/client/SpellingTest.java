package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpellingTest {
    private static final List<String> WORDS = List.of("chat", "gchat", "groupchat", "groups", "logout", "login");

    @Test
    void aSwapOrOneWrongLetterIsForgivenInShortWords() {
        assertEquals(Optional.of("chat"), Spelling.closest("chta", WORDS));
        assertEquals(Optional.of("chat"), Spelling.closest("CHAY", WORDS));
        assertEquals(Optional.of("groups"), Spelling.closest("grousp", WORDS));
        assertEquals(Optional.empty(), Spelling.closest("xyzw", WORDS));
    }

    @Test
    void aPrefixOfOnlyOneWordNamesIt() {
        assertEquals(Optional.of("groupchat"), Spelling.closest("groupc", WORDS));
        assertEquals(Optional.empty(), Spelling.closest("log", WORDS), "login and logout both start so");
    }

    @Test
    void twoWordsEquallyNearGiveNoGuess() {
        assertEquals(Optional.empty(), Spelling.closest("logint", List.of("login", "logins")));
        assertEquals(1, Spelling.distance("chta", "chat"));
        assertEquals(3, Spelling.distance("", "abc"));
    }
}
