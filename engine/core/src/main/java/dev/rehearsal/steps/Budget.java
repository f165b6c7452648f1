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

  static String show(Duration duration) {
    long millis = duration.toMillis();
    return millis < 1_000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
