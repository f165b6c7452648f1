package dev.rehearsal.run;

import dev.rehearsal.baseline.Baseline;
import java.util.Objects;

/**
 * How to run.
 *
 * @param keep keep every scratch database instead of dropping it, for inspection
 * @param updateSnapshots write golden schema files ({@code schema: {matches: FILE}}) instead of comparing
 * @param jobs how many scenario runs go at once, each in its own database (at least 1)
 * @param cache start a scenario whose first step is {@code apply: X} from a cached database already at X
 * @param baseline the round-trip verdicts accepted ({@code rehearse roundtrip}); {@link Baseline#NONE} for none
 */
public record RunOptions(boolean keep, boolean updateSnapshots, int jobs, boolean cache, Baseline baseline) {

  public RunOptions {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
    }
    Objects.requireNonNull(baseline, "baseline");
  }

  /** Without a baseline. */
  public RunOptions(boolean keep, boolean updateSnapshots, int jobs, boolean cache) {
    this(keep, updateSnapshots, jobs, cache, Baseline.NONE);
  }

  /** One job at a time, with the cache. */
  public RunOptions(boolean keep, boolean updateSnapshots) {
    this(keep, updateSnapshots, 1, true);
  }

  public static RunOptions defaults() {
    return new RunOptions(false, false);
  }
}
