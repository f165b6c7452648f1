package dev.rehearsal.report;

/** Shortens text to a number of columns: names in the middle (their start and end say most), the rest at the end. */
final class Fit {

  private static final String ELLIPSIS = "...";

  private Fit() {}

  /** {@code text} padded with spaces to exactly {@code width}, or shortened in the middle to it. */
  static String middle(String text, int width) {
    if (text.length() <= width) {
      return text + " ".repeat(width - text.length());
    }
    if (width <= ELLIPSIS.length()) {
      return text.substring(0, width);
    }
    int tail = (width - ELLIPSIS.length()) / 2;
    int head = width - ELLIPSIS.length() - tail;
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
}
