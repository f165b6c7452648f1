package dev.rehearsal.scenario;

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

  @Override
  public String toString() {
    return position + ": " + message;
  }
}
