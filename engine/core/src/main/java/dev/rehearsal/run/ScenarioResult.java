package dev.rehearsal.run;

import dev.rehearsal.steps.Recovery;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one scenario run went.
 *
 * @param databaseVersion the engine's version, e.g. {@code SQLite 3.53.0}
 * @param error why the run could not start or finish (for example the scratch database could not be created),
 *     else null; step errors are in their step
 * @param infrastructure true when the error was the environment's, not the scenario's
 * @param keptAt how to open the scratch database when it was kept, else null
 * @param recovery what its recovery took ({@code rto:}, {@code restore: {file: ...}}), else null
 */
public record ScenarioResult(ScenarioRun run, String databaseVersion, Status status, List<StepResult> steps,
    Duration time, String error, boolean infrastructure, String keptAt, Recovery recovery) {

  public ScenarioResult {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(status, "status");
    steps = List.copyOf(steps);
    Objects.requireNonNull(time, "time");
  }

  /** A run without recovery figures. */
  public ScenarioResult(ScenarioRun run, String databaseVersion, Status status, List<StepResult> steps,
      Duration time, String error, boolean infrastructure, String keptAt) {
    this(run, databaseVersion, status, steps, time, error, infrastructure, keptAt, null);
  }
}
