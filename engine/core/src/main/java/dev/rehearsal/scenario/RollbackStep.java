package dev.rehearsal.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code rollback: ID|base}, {@code rollback: {steps: N}}, {@code rollback: {to_version_of: LABEL}} or
 * {@code rollback: {to: ..., expect_error: ...}}: undo migrations down to a version (the version itself stays
 * applied).
 *
 * @param to {@link Target.Id}, {@link Target.Base}, {@link Target.StepsBack} or {@link Target.VersionOf}
 * @param trace whether each statement's time, locks and rewrites are traced ({@code trace: true})
 * @param within a time budget: taking longer is a failed check (null: none)
 * @param expectError when not null, the step passes only if the rollback fails with an error it matches
 */
public record RollbackStep(Target to, ExpectedError expectError, Duration within, boolean trace,
    SourcePosition position) implements Step {

  /** Not traced. */
  public RollbackStep(Target to, ExpectedError expectError, Duration within, SourcePosition position) {
    this(to, expectError, within, false, position);
  }

  /** Without a time budget. */
  public RollbackStep(Target to, ExpectedError expectError, SourcePosition position) {
    this(to, expectError, null, position);
  }

  public static final String KEYWORD = "rollback";

  public RollbackStep {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(position, "position");
    if (to instanceof Target.Head) {
      throw new IllegalArgumentException("a rollback cannot go to head");
    }
  }

  @Override
  public String keyword() {
    return KEYWORD;
  }

  @Override
  public String describe() {
    return KEYWORD + (to instanceof Target.VersionOf of ? " to the version of " + of.label() : " " + to);
  }
}
