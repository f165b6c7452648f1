package dev.rehearsal.scenario;

import java.util.Objects;

/**
 * Where something was written: a file and a 1-based line and column.
 *
 * <p>{@link #toString()} renders {@code file:line:col}, the form editors and terminals turn into links.
 *
 * @param file the file as it should be shown to the user (usually relative to the project root)
 * @param line 1-based line
 * @param column 1-based column
 */
public record SourcePosition(String file, int line, int column) {

  public SourcePosition {
    Objects.requireNonNull(file, "file");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /** The position of a whole file, used when the problem has no better place (an empty file, say). */
  public static SourcePosition startOf(String file) {
    return new SourcePosition(file, 1, 1);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
