package dev.rehearsal.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every scenario run of one invocation, in plan order.
 *
 * @param interrupted the run was stopped by Ctrl-C or SIGTERM: the scenario runs that had not finished are
 *     {@link Status#INTERRUPTED} and those not started are missing
 * @param leftovers what the run created and could not drop, or would not (a name that no longer has the identity
 *     it had at creation), one line each, for people
 */
public record RunResult(String runId, Instant startedAt, List<ScenarioResult> scenarios, Duration time,
    boolean interrupted, List<String> leftovers) {

  /** A run that went to its end and left nothing behind. */
  public RunResult(String runId, Instant startedAt, List<ScenarioResult> scenarios, Duration time) {
    this(runId, startedAt, scenarios, time, false);
  }

  /** A run that left nothing behind. */
  public RunResult(String runId, Instant startedAt, List<ScenarioResult> scenarios, Duration time,
      boolean interrupted) {
    this(runId, startedAt, scenarios, time, interrupted, List.of());
  }

  public RunResult {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(startedAt, "startedAt");
    scenarios = List.copyOf(scenarios);
    Objects.requireNonNull(time, "time");
    leftovers = List.copyOf(leftovers);
  }

  public long count(Status status) {
    return scenarios.stream().filter(s -> s.status() == status).count();
  }

  /** True when a scenario could not run because of the environment (database unreachable, disk full). */
  public boolean infrastructureError() {
    return scenarios.stream().anyMatch(ScenarioResult::infrastructure);
  }

  public boolean passed() {
    return !interrupted && scenarios.stream().allMatch(s -> s.status() == Status.PASSED);
  }
}
