package dev.rehearsal.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A portable class of error that {@code expect_error: {class: ...}} names; each engine maps its own codes to these
 * (SQLState on PostgreSQL, result codes and messages on SQLite), in its package under {@code database}.
 */
public enum ErrorClass {
  UNIQUE_VIOLATION,
  NOT_NULL_VIOLATION,
  FOREIGN_KEY_VIOLATION,
  CHECK_VIOLATION,
  UNDEFINED_TABLE,
  UNDEFINED_COLUMN,
  UNDEFINED_OBJECT,
  DUPLICATE_TABLE,
  DUPLICATE_COLUMN,
  DUPLICATE_OBJECT,
  SYNTAX_ERROR,
  INVALID_TEXT_REPRESENTATION,
  LOCK_TIMEOUT,
  STATEMENT_TIMEOUT,
  /** Rehearsal's own: the failure a {@code fail} step armed. */
  SIMULATED_FAILURE;

  /** The name scenarios write, e.g. {@code unique_violation}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every name scenarios may write, in declaration order. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(ErrorClass::label).toList();
  }

  /** The class a scenario names, if any. */
  public static Optional<ErrorClass> of(String label) {
    return Arrays.stream(values()).filter(c -> c.label().equals(label)).findFirst();
  }
}
