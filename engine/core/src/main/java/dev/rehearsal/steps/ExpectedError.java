package dev.rehearsal.steps;

import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.migrations.MigrationFailedException;
import java.util.Locale;
import java.util.function.Supplier;

/** The {@code expect_error} rule shared by apply, rollback and sql: the action must fail, with that text. */
final class ExpectedError {

  private ExpectedError() {}

  /**
   * Runs {@code action} (which returns its detail line). Without {@code expected}, errors propagate. With it, the
   * outcome is one check: the action failed and its message contains {@code expected}, ignoring case.
   */
  static StepOutcome around(String what, String expected, Supplier<String> action) {
    if (expected == null) {
      return StepOutcome.done(action.get());
    }
    String name = what + " fails with '" + expected + "'";
    String wanted = "an error containing '" + expected + "'";
    String message;
    try {
      String detail = action.get();
      return StepOutcome.checked(Check.failed(name, wanted, "no error: " + detail, ""), detail);
    } catch (MigrationFailedException e) {
      message = e.getMessage();
    } catch (DatabaseException e) {
      if (e.infrastructure()) {
        throw e;
      }
      message = e.getMessage();
    }
    boolean matches = message.toLowerCase(Locale.ROOT).contains(expected.toLowerCase(Locale.ROOT));
    Check check = matches ? Check.passed(name, wanted, message) : Check.failed(name, wanted, message, "");
    return StepOutcome.checked(check, "failed as expected: " + firstLine(message));
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse(text);
  }
}
