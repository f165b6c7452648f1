package dev.rehearsal.scenario;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * "Did you mean" suggestions: the closest candidate within a small edit distance. Public for the engine's
 * configuration parameters, which are checked the same way as scenario keys. Only short strings are compared, and
 * only with candidates whose length is within that distance, so hostile input (two 100,000-character labels) costs
 * nothing: a typo of a long name is not what the hint is for.
 */
public final class Hints {

  /** Longer strings get no hint: keys, labels and names are far shorter, and the comparison stays cheap. */
  static final int MAX_LENGTH = 64;

  private Hints() {}

  /** The closest candidate to {@code given}, if one is close enough to be a likely typo. */
  public static Optional<String> closest(String given, Collection<String> candidates) {
    if (given.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String lower = given.toLowerCase(java.util.Locale.ROOT);
    int allowed = Math.max(1, Math.min(3, given.length() / 3));
    return candidates.stream()
        .filter(c -> Math.abs(c.length() - given.length()) <= allowed)
        .map(c -> new Scored(c, distance(lower, c.toLowerCase(java.util.Locale.ROOT))))
        .filter(s -> s.distance <= allowed)
        .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
        .map(Scored::candidate);
  }

  /** " — did you mean 'x'?" or, with no close candidate, " — expected one of: a, b, c". */
  static String suggestion(String given, Collection<String> candidates) {
    return closest(given, candidates)
        .map(c -> " — did you mean '" + c + "'?")
        .orElseGet(() -> " — expected one of: " + String.join(", ", candidates));
  }

  private record Scored(String candidate, int distance) {}

  /** Optimal string alignment distance: Levenshtein plus adjacent transpositions (the commonest typo). */
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
