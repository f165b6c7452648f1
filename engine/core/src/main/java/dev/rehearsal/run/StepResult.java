package dev.rehearsal.run;

import dev.rehearsal.scenario.Step;
import dev.rehearsal.steps.Check;
import dev.rehearsal.steps.StepTrace;
import dev.rehearsal.steps.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one step went.
 *
 * @param index 1-based index of the step in its scenario
 * @param detail what the step did, or why it was skipped
 * @param error the error message when {@code status} is {@link Status#ERROR}, else null
 * @param verdicts a round-trip's verdict of each migration, as data (empty for other steps)
 * @param trace the statements, locks and rewrites of a traced step (null when not traced)
 */
public record StepResult(int index, Step step, Status status, List<Check> checks, String detail, String error,
    Duration time, List<Verdict> verdicts, StepTrace trace) {

  /** A step without a trace. */
  public StepResult(int index, Step step, Status status, List<Check> checks, String detail, String error,
      Duration time, List<Verdict> verdicts) {
    this(index, step, status, checks, detail, error, time, verdicts, null);
  }

  public StepResult {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(status, "status");
    checks = List.copyOf(checks);
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(time, "time");
    verdicts = List.copyOf(verdicts);
  }

  /** A step that is not a round-trip, or has no verdicts. */
  public StepResult(int index, Step step, Status status, List<Check> checks, String detail, String error,
      Duration time) {
    this(index, step, status, checks, detail, error, time, List.of());
  }

  public List<Check> failedChecks() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }
}
