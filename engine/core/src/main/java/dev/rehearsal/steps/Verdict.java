package dev.rehearsal.steps;

import dev.rehearsal.baseline.Baseline;
import dev.rehearsal.migrations.Migration;
import java.time.Duration;
import java.util.Objects;

/**
 * The round-trip verdict of one migration, as data for the reports (the JSON summary, CI annotations, the terminal's
 * lines as they come) and for the baseline.
 *
 * @param index the 1-based position among the migrations the round-trip checks; 0 for a migration outside them
 *     whose up failed on the way (with {@code --changed-since}, the migrations in between are only applied)
 * @param total how many migrations the round-trip checks
 * @param check how the step reports it: named {@code roundtrip FILE}, the verdict as {@code actual}, the diff; it
 *     passes when the verdict passes or the baseline accepts it
 * @param baseline how the verdict compares with the baseline ({@link Baseline.Status#NONE} without one)
 * @param sha256 the hash of the script's content, as the baseline records it
 * @param line the line of the script the verdict is about (the undo marker, or the statement that failed); 0 when
 *     it is about no line of its own
 * @param time how long the migration's round-trip took, recovery included
 */
public record Verdict(int index, int total, Migration migration, Kind kind, Check check, Baseline.Status baseline,
    String sha256, int line, Duration time) {

  public Verdict {
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(time, "time");
  }

  /** The verdict as the round-trip gives it, e.g. {@code lossy rollback: users.bio}: what the baseline records. */
  public String text() {
    return check.actual();
  }

  /** True when the baseline turned this failing verdict into a pass. */
  public boolean accepted() {
    return baseline == Baseline.Status.ACCEPTED;
  }

  /** What a round-trip can find, in the order the reports count them. */
  public enum Kind {
    PASSED("passed", true),
    IRREVERSIBLE_ALLOWED("irreversible (allowed)", true),
    LOSSY_ALLOWED("lossy (allowed)", true),
    NO_UNDO("no undo section", false),
    TRACE("rollback leaves trace", false),
    LOSSY("lossy rollback", false),
    REAPPLY_DIFFERS("re-apply differs", false),
    DOWN_FAILS("down fails", false),
    REAPPLY_FAILS("re-apply fails", false),
    UP_FAILS_AFTER_ROUNDTRIP("up fails after a round-trip", false),
    UP_FAILS("up fails", false),
    NOT_CHECKED("not checked", false);

    private final String label;
    private final boolean passes;

    Kind(String label, boolean passes) {
      this.label = label;
      this.passes = passes;
    }

    /** The name reports count it under and the JSON summary's {@code kind}. */
    public String label() {
      return label;
    }

    /** Whether it passes without a baseline. */
    public boolean passes() {
      return passes;
    }
  }
}
