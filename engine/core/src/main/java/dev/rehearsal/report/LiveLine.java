package dev.rehearsal.report;

import dev.rehearsal.text.Shown;
import java.io.PrintWriter;
import java.util.Map;

/**
 * The terminal's last line, redrawn in place to show progress, and the width every line printed through it fits.
 * Reporters that share one terminal share one live line: each clears it before printing lines of its own, and the
 * next progress redraws it. The live line is kept one column short of the width, so it never wraps: a wrapped line
 * could not be cleared with a carriage return, and copies of it would stay on the screen. Without a terminal (a CI
 * log) nothing is drawn, and lines are printed as they come.
 */
public final class LiveLine {

  /** Carriage return and "erase to the end of the line": the live line is redrawn over itself. */
  static final String CLEAR_LINE = "\r\u001b[K";

  /** The width when the environment does not say ({@code COLUMNS}): what a terminal and most CI logs show. */
  public static final int DEFAULT_WIDTH = 80;

  private final PrintWriter out;
  private final boolean live;
  private final int width;
  private boolean shown;

  /**
   * @param live draw the live line; only for a terminal, which understands the escape sequence
   * @param width the columns every line printed through {@link #println} fits, at least 40
   */
  public LiveLine(PrintWriter out, boolean live, int width) {
    this.out = out;
    this.live = live;
    this.width = Math.max(40, width);
  }

  /** The terminal's width from {@code COLUMNS} (a terminal's shell sets it), else {@value #DEFAULT_WIDTH}. */
  public static int width(Map<String, String> environment) {
    String columns = environment.get("COLUMNS");
    if (columns != null && columns.strip().matches("[0-9]{1,4}")) {
      int value = Integer.parseInt(columns.strip());
      return value >= 40 ? value : DEFAULT_WIDTH;
    }
    return DEFAULT_WIDTH;
  }

  public int width() {
    return width;
  }

  public boolean live() {
    return live;
  }

  PrintWriter out() {
    return out;
  }

  /** Draws {@code text} as the live line, cut to one column less than the width; nothing without a terminal. */
  public void show(String text) {
    if (!live) {
      return;
    }
    out.print(CLEAR_LINE + Fit.end(printable(text), width - 1));
    shown = true;
    out.flush();
  }

  /** Removes the live line, so that what is printed next starts on a clean line. */
  public void clear() {
    if (shown) {
      out.print(CLEAR_LINE);
      shown = false;
    }
  }

  /** Clears the live line and prints one line, its control characters made visible. */
  public void println(String line) {
    clear();
    out.println(printable(line));
    out.flush();
  }

  /**
   * Text from input (script names, database messages) with every control character escaped ({@link Shown#line}), so
   * nothing it holds can move the cursor or recolour the terminal.
   */
  static String printable(String text) {
    return Shown.line(text);
  }
}
