package dev.rehearsal.run;

import dev.rehearsal.scenario.Step;
import dev.rehearsal.steps.Check;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one step went.
 *
 * @param index 1-based index of the step in its scenario
 * @param detail what the step did, or why it was skipped
 * @param error the error message when {@code status} is {@link Status#ERROR}, else null
 */
public record StepResult(int index, Step step, Status status, List<Check> checks, String detail, String error,
    Duration time) {

  public StepResult {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(status, "status");
    checks = List.copyOf(checks);
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(time, "time");
  }

  public List<Check> failedChecks() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }
}
