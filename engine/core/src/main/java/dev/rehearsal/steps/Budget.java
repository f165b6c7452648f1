package dev.rehearsal.steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** A step's time budget ({@code within: 30s}): taking longer is a failed check that reports the measured time. */
final class Budget {

  private Budget() {}

  static StepOutcome timed(String what, Duration within, Supplier<StepOutcome> action) {
    long t0 = System.nanoTime();
    StepOutcome outcome = action.get();
    if (within == null) {
      return outcome;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    List<Check> checks = new ArrayList<>(outcome.checks());
    checks.add(new Check(what + " within " + show(within), took.compareTo(within) <= 0, "at most " + show(within),
        "took " + show(took), ""));
    return new StepOutcome(checks, outcome.detail(), outcome.verdicts());
  }

  /** {@code 45 ms}, {@code 41.2 s}, {@code 30 min}, {@code 24.1 min}. */
  static String show(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1_000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    return millis % 60_000 == 0 ? millis / 60_000 + " min" : String.format(Locale.ROOT, "%.1f min", millis / 60_000.0);
  }
}
