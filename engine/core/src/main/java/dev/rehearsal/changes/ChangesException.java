package dev.rehearsal.changes;

/** What changed cannot be told: no git, not a work tree, an unknown revision. The message says why, for people. */
public final class ChangesException extends RuntimeException {

  ChangesException(String message) {
    super(message);
  }
}
