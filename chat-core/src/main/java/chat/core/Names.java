package chat.core;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names that people see (users, groups), in the one form they are stored and compared in, so that two names
 * that look the same are the same name. A name is NFKC-normalized (full-width letters, compatibility spaces
 * and ligatures become their plain forms), trimmed, with runs of spaces made one; it may not hold invisible
 * characters (controls, zero-width and other format characters such as bidi overrides, unassigned or
 * private-use code points), and may not mix Latin, Cyrillic and Greek letters, many of which look alike.
 */
public final class Names {
    /** Scripts whose letters are easily taken for each other's: one name uses at most one of them. */
    private static final Set<UnicodeScript> LOOK_ALIKE_SCRIPTS = EnumSet.of(UnicodeScript.LATIN,
            UnicodeScript.CYRILLIC, UnicodeScript.GREEK);

    private Names() {
    }

    /**
     * The name as stored and compared.
     *
     * @throws IllegalArgumentException saying, to the person who chose it, what is wrong with it
     */
    public static String normalize(String raw) {
        String name = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().replaceAll(" {2,}", " ");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("must not be blank");
        }
        UnicodeScript alphabet = null;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (invisible(c)) {
                throw new IllegalArgumentException(String.format(
                        "must not hold invisible or control characters (found U+%04X)", c));
            }
            UnicodeScript script = UnicodeScript.of(c);
            if (LOOK_ALIKE_SCRIPTS.contains(script)) {
                if (alphabet != null && alphabet != script) {
                    throw new IllegalArgumentException("must not mix " + title(alphabet) + " and " + title(script)
                            + " letters, which look alike");
                }
                alphabet = script;
            }
        }
        return name;
    }

    private static boolean invisible(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800;
        };
    }

    private static String title(UnicodeScript script) {
        String name = script.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
