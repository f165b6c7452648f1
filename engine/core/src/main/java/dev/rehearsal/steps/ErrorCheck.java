package dev.rehearsal.steps;

import dev.rehearsal.database.ClassifiedError;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.migrations.MigrationFailedException;
import dev.rehearsal.scenario.ErrorClass;
import dev.rehearsal.scenario.ExpectedError;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The {@code expect_error} rule shared by apply, rollback and sql: the action must fail with an error that matches
 * one of the alternatives, by portable class (as the engine maps its codes), by message text, or both.
 */
final class ErrorCheck {

  private static final ClassifiedError SIMULATED =
      new ClassifiedError(ErrorClass.SIMULATED_FAILURE, "armed by a fail step");

  private ErrorCheck() {}

  /**
   * Runs {@code action} (which returns its detail line). Without {@code expected}, errors propagate. With it, the
   * outcome is one check: the action failed with a matching error. The detail says {@code failed as expected} only
   * when it did.
   */
  static StepOutcome around(String what, ExpectedError expected, Database database, Supplier<String> action) {
    if (expected == null) {
      return StepOutcome.done(action.get());
    }
    String name = what + " fails with " + expected.describe();
    String wanted = wanted(expected);
    RuntimeException failure;
    try {
      String detail = action.get();
      return StepOutcome.checked(Check.failed(name, wanted, "no error: " + detail, ""), "did not fail: " + detail);
    } catch (MigrationFailedException e) {
      failure = e;
    } catch (DatabaseException e) {
      if (e.infrastructure()) {
        throw e;
      }
      failure = e;
    }
    ClassifiedError found = failure instanceof MigrationFailedException m && m.simulated() ? SIMULATED
        : ClassifiedError.of(database, failure);
    String message = failure.getMessage();
    String actual = found.describe() + ": " + message;
    if (expected.matches(found.errorClass(), message)) {
      return StepOutcome.checked(Check.passed(name, wanted, actual), "failed as expected: " + firstLine(message));
    }
    return StepOutcome.checked(Check.failed(name, wanted, actual, ""),
        "failed with another error: " + firstLine(message));
  }

  /** {@code an error of class unique_violation, or an error containing 'already exists'}. */
  static String wanted(ExpectedError expected) {
    return expected.anyOf().stream().map(a -> {
      String text = a.message() == null ? null : "containing '" + a.message() + "'";
      return a.errorClass() == null ? "an error " + text
          : "an error of class " + a.errorClass().label() + (text == null ? "" : " " + text);
    }).collect(Collectors.joining(", or "));
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse(text);
  }
}
