package chat.client;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known word a mistyped one was most likely meant to be: the only one it begins (at least two letters),
 * else the nearest by edit distance, a swap of two neighbouring letters counting as one edit, when it is near
 * enough (one edit for words of up to four letters, two for longer ones) and no other word is as near.
 */
final class Spelling {
    private static final int MIN_PREFIX = 2;
    private static final int SHORT_WORD = 4;

    private Spelling() {
    }

    static Optional<String> closest(String typed, Collection<String> known) {
        String word = typed.toLowerCase(Locale.ROOT);
        if (word.length() >= MIN_PREFIX) {
            var starting = known.stream().filter(k -> k.startsWith(word)).toList();
            if (starting.size() == 1) {
                return Optional.of(starting.getFirst());
            }
        }
        int allowed = word.length() <= SHORT_WORD ? 1 : 2;
        String best = null;
        int bestDistance = allowed + 1;
        boolean tie = false;
        for (String candidate : known) {
            int d = distance(word, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        return tie || best == null ? Optional.empty() : Optional.of(best);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
