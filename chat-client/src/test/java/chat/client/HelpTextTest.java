package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HelpTextTest {
    private final HelpText help = new HelpText();

    @Test
    void listsEveryCommandWithItsSyntax() {
        String all = help.all().toString();
        for (Verb verb : Verb.values()) {
            assertTrue(all.contains(verb.syntax()), verb.syntax());
        }
        assertTrue(all.contains("chat:ID:MESSAGE"));
    }

    @Test
    void explainsOneCommandWithItsOtherForms() {
        assertEquals("""
                joingroup GROUP_ID
                  join a group
                  also: addgroup:GROUP_ID
                  aliases: addgroup""", help.one(Verb.JOINGROUP).toString());
    }
}
