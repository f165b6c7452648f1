package dev.rehearsal.steps;

import java.util.Objects;

/**
 * One verified claim of a step.
 *
 * @param name what was checked, e.g. {@code rows users = 3}
 * @param expected what the scenario said, as text
 * @param actual what the database showed, as text
 * @param diff a readable difference when there is more to say than expected/actual, else empty
 */
public record Check(String name, boolean passed, String expected, String actual, String diff) {

  /** How {@code actual} starts when the check wrote a golden file ({@code --update-snapshots}) instead. */
  public static final String WRITTEN = "written to ";

  public Check {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(diff, "diff");
  }

  public static Check passed(String name, String expected, String actual) {
    return new Check(name, true, expected, actual, "");
  }

  public static Check failed(String name, String expected, String actual, String diff) {
    return new Check(name, false, expected, actual, diff);
  }

  /** The golden file this check wrote, if it wrote one. */
  public java.util.Optional<String> written() {
    return passed && actual.startsWith(WRITTEN) ? java.util.Optional.of(actual.substring(WRITTEN.length()))
        : java.util.Optional.empty();
  }

  /** Passed when {@code expected} and {@code actual} render the same. */
  public static Check comparing(String name, String expected, String actual) {
    return new Check(name, expected.equals(actual), expected, actual, "");
  }
}
