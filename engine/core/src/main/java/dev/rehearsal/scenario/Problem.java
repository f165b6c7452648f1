package dev.rehearsal.scenario;

import dev.rehearsal.text.Shown;
import java.util.Objects;

/**
 * One thing wrong with an input file, with the place it was found.
 *
 * @param position where the problem is
 * @param message what is wrong and, after " — ", what to do about it
 */
public record Problem(SourcePosition position, String message) {

  public Problem {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line:col: message} on one line, control characters of the file name and message escaped. */
  @Override
  public String toString() {
    return Shown.line(position + ": " + message);
  }
}
