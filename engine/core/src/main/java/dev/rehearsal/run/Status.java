package dev.rehearsal.run;

import java.util.Locale;

/** The verdict of a step or a scenario run. */
public enum Status {
  /** Everything ran and every check held. */
  PASSED,
  /** Everything ran, and at least one check did not hold. */
  FAILED,
  /** Something could not run: a SQL error, a failing migration that was not expected to fail. */
  ERROR,
  /** Not run, because an earlier step of the scenario had an error. */
  SKIPPED,
  /** Stopped by Ctrl-C or SIGTERM before it finished; its scratch database was dropped. */
  INTERRUPTED;

  /** The lower-case name used in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
