package dev.rehearsal.migrations;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A failure to simulate during the next apply or rollback, deterministically.
 *
 * @param migration the script it happens in
 * @param undo in the undo section (a rollback) rather than the up section
 * @param atStatement the 1-based statement it happens at (not used by {@link Mode#AFTER_COMMIT})
 */
public record InjectedFailure(BigDecimal migration, boolean undo, int atStatement, Mode mode) {

  /** How it fails. */
  public enum Mode {
    /** The statement raises an error; MyBatis rolls the script back. */
    ERROR,
    /** The connection is cut at the statement, as when the process or the network dies. */
    DISCONNECT,
    /** The script commits, but its changelog row is never written (a crash between the two transactions). */
    AFTER_COMMIT
  }

  public InjectedFailure {
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(mode, "mode");
  }

  /** For messages: {@code statement 2 of the up section of 20250104000000}. */
  public String describe() {
    String where = (undo ? "the undo section of " : "the up section of ") + migration.toPlainString();
    return mode == Mode.AFTER_COMMIT ? "after the commit of " + where : "statement " + atStatement + " of " + where;
  }
}
