package dev.rehearsal.cli;

/**
 * An option names something that is not there or cannot be done (a missing file, a target behind the database):
 * exit code 2, nothing changed; the message says what to type instead.
 */
final class OptionException extends RuntimeException {

  OptionException(String message) {
    super(message);
  }
}
