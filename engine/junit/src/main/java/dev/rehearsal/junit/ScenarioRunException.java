package dev.rehearsal.junit;

/**
 * A step that could not do its work (a SQL error, a migration that failed unexpectedly), or a scenario run that
 * could not start. The message says what and where; instead of the engine's Java frames, the stack trace is one
 * line pointing at the place in the scenario file.
 */
final class ScenarioRunException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ScenarioRunException(String message, StackTraceElement at) {
    super(message);
    setStackTrace(new StackTraceElement[] {at});
  }
}
