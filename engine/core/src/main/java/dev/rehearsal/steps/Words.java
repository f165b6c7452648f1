package dev.rehearsal.steps;

/** Counted nouns for details and checks: {@code 1 row}, {@code 2 rows}. */
final class Words {

  private Words() {}

  /** {@code count} and {@code noun}, with an {@code s} unless the count is one. */
  static String count(long count, String noun) {
    return count + " " + (count == 1 ? noun : noun + "s");
  }
}
