package dev.rehearsal.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code apply: ID|head} or {@code apply: {to: ID|head, expect_error: ...}}: migrate up to a version.
 *
 * @param to the version to reach ({@link Target.Head} or {@link Target.Id})
 * @param trace whether each statement's time, locks and rewrites are traced ({@code trace: true})
 * @param within a time budget: taking longer is a failed check (null: none)
 * @param expectError when not null, the step passes only if the migration fails with an error it matches
 */
public record ApplyStep(Target to, ExpectedError expectError, Duration within, boolean trace,
    SourcePosition position) implements Step {

  /** Not traced. */
  public ApplyStep(Target to, ExpectedError expectError, Duration within, SourcePosition position) {
    this(to, expectError, within, false, position);
  }

  /** Without a time budget. */
  public ApplyStep(Target to, ExpectedError expectError, SourcePosition position) {
    this(to, expectError, null, position);
  }

  public static final String KEYWORD = "apply";

  public ApplyStep {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String keyword() {
    return KEYWORD;
  }

  @Override
  public String describe() {
    return KEYWORD + " " + to;
  }
}
