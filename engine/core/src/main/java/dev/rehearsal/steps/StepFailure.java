package dev.rehearsal.steps;

/** A step could not do its work for a reason its message explains (e.g. a malformed CSV line). */
public final class StepFailure extends RuntimeException {

  public StepFailure(String message) {
    super(message);
  }

  public StepFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
