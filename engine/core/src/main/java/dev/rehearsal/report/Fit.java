package dev.rehearsal.report;

/** Shortens text to a number of columns: names in the middle (their start and end say most), the rest at the end. */
final class Fit {

  private static final String ELLIPSIS = "...";

  private Fit() {}

  /** {@code text} padded with spaces to exactly {@code width}, or shortened in the middle to it. */
  static String middle(String text, int width) {
    return middle(text, width, 0);
  }

  /**
   * As {@link #middle(String, int)}, keeping the first {@code keep} characters (a migration id) whole as long as
   * eight characters of the end still fit beside them.
   */
  static String middle(String text, int width, int keep) {
    if (text.length() <= width) {
      return text + " ".repeat(width - text.length());
    }
    if (width <= ELLIPSIS.length()) {
      return text.substring(0, width);
    }
    int tail = (width - ELLIPSIS.length()) / 2;
    int head = width - ELLIPSIS.length() - tail;
    if (keep > head && keep <= width - ELLIPSIS.length() - 8) {
      head = keep;
      tail = width - ELLIPSIS.length() - head;
    }
    return text.substring(0, head) + ELLIPSIS + text.substring(text.length() - tail);
  }

  /** {@code text}, or its start with {@code ...} when it is longer than {@code width}. */
  static String end(String text, int width) {
    if (text.length() <= width) {
      return text;
    }
    return width <= ELLIPSIS.length() ? text.substring(0, width)
        : text.substring(0, width - ELLIPSIS.length()) + ELLIPSIS;
  }

  /**
   * {@code text} in lines of at most {@code width}, broken at spaces; a word longer than a line is cut with
   * {@code ...}. Never empty.
   */
  static java.util.List<String> wrap(String text, int width) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : text.split(" ")) {
      if (!current.isEmpty() && current.length() + 1 + word.length() > width) {
        lines.add(current.toString());
        current.setLength(0);
      }
      current.append(current.isEmpty() ? "" : " ").append(end(word, width));
    }
    lines.add(current.toString());
    return lines;
  }
}
