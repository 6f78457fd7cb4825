package io.eddy.sql;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?": the closest candidate to a misspelt word by edit distance. Stateless. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code word} (case-insensitive, adjacent transpositions count as one
   * edit), if it is close enough to be a plausible typo: one edit for words of up to four
   * characters, two for longer ones. A word equal to a candidate is not a typo and gets none.
   */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String w = word.toUpperCase(Locale.ROOT);
    int allowed = w.length() <= 4 ? 1 : 2;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      String c = candidate.toUpperCase(Locale.ROOT);
      if (c.equals(w)) {
        return Optional.empty();
      }
      int d = distance(w, c);
      if (d <= allowed && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
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
