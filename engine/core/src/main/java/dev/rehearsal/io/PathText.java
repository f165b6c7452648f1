package dev.rehearsal.io;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether text written as a file path can be one: no NUL or other control character (no file a project names has
 * one, and they would reach terminals and file systems), and a valid path on this system.
 */
public final class PathText {

  private PathText() {}

  /** What is wrong with {@code value} as a path, e.g. {@code holds the control character U+0000 at character 6}. */
  public static Optional<String> problem(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        return Optional.of("holds the control character " + String.format("U+%04X", (int) c) + " at character "
            + (i + 1) + " — a path is plain text; remove it");
      }
    }
    try {
      Path.of(value);
      return Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.of("is not a valid path here (" + e.getReason() + ") — name the file as it is on disk");
    }
  }
}
