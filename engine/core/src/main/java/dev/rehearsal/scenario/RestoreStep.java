package dev.rehearsal.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code restore: LABEL} or {@code restore: {label: LABEL, expect_error: ...}}: verify a backup's checksum, restore
 * it into the scenario's database (emptied first), and verify the result against the backup's manifest.
 */
public record RestoreStep(String label, ExpectedError expectError, Duration within, SourcePosition position)
    implements Step {

  /** Without a time budget. */
  public RestoreStep(String label, ExpectedError expectError, SourcePosition position) {
    this(label, expectError, null, position);
  }

  public static final String KEYWORD = "restore";

  public RestoreStep {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String keyword() {
    return KEYWORD;
  }

  @Override
  public String describe() {
    return KEYWORD + " " + label;
  }
}
