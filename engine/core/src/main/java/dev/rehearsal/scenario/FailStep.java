package dev.rehearsal.scenario;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code fail: {migration: ID, at_statement: N, direction: up|down, mode: error|disconnect|after_commit}}: arms a
 * simulated failure for the next apply or rollback.
 *
 * @param atStatement 1-based; 0 for {@code after_commit}, which needs none
 */
public record FailStep(BigDecimal migration, int atStatement, boolean undo, Mode mode, SourcePosition position)
    implements Step {

  public static final String KEYWORD = "fail";

  /** How the simulated failure happens. */
  public enum Mode {
    ERROR, DISCONNECT, AFTER_COMMIT;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public FailStep {
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String keyword() {
    return KEYWORD;
  }

  @Override
  public String describe() {
    String where = mode == Mode.AFTER_COMMIT ? "after commit" : "at statement " + atStatement;
    return KEYWORD + " " + migration.toPlainString() + (undo ? " down " : " ") + where
        + (mode == Mode.DISCONNECT ? " (disconnect)" : "");
  }
}
