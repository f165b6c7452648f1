package dev.rehearsal.cli;

/** The exit codes of every command; also listed in each command's help and in docs/cli.md. */
final class ExitCodes {

  /** Every scenario passed (or the command did what was asked). */
  static final int OK = 0;
  /** At least one check failed or a scenario had an error. */
  static final int FAILED = 1;
  /** Invalid input or usage: a scenario, fixture, configuration or option is wrong; nothing ran. */
  static final int INVALID = 2;
  /** Infrastructure: a database could not be created or reached, or reports could not be written. */
  static final int INFRASTRUCTURE = 3;

  static final String OK_LINE = "0:success (every scenario passed)";
  static final String FAILED_LINE = "1:a check failed or a scenario had an error";
  static final String INVALID_LINE = "2:invalid input or usage (file:line:col messages on stderr)";
  static final String INFRASTRUCTURE_LINE = "3:infrastructure error (database unreachable, reports not writable)";

  private ExitCodes() {}
}
