package dev.rehearsal.steps;

import dev.rehearsal.scenario.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The runner of every step kind, keyed by the YAML key. A new step kind is one runner added here. */
public final class StepRegistry {

  private final Map<String, StepRunner<?>> runners = new LinkedHashMap<>();

  private StepRegistry(List<StepRunner<?>> runners) {
    runners.forEach(r -> this.runners.put(r.keyword(), r));
  }

  /** The registry of the built-in step kinds. */
  public static StepRegistry standard() {
    return new StepRegistry(List.of(new ApplyRunner(), new RollbackRunner(), new SeedRunner(), new SqlRunner(),
        new ExpectRunner(), new SnapshotRunner(), new RoundtripRunner(), new BackupRunner(), new RestoreRunner(),
        new CorruptBackupRunner(), new FailRunner()));
  }

  public List<String> keywords() {
    return List.copyOf(runners.keySet());
  }

  /** Runs a step with the runner registered for its keyword. */
  public StepOutcome run(Step step, StepContext context) {
    StepRunner<?> runner = runners.get(step.keyword());
    if (runner == null) {
      throw new IllegalStateException("no runner for step kind '" + step.keyword() + "'");
    }
    return runWith(runner, step, context);
  }

  private static <S extends Step> StepOutcome runWith(StepRunner<S> runner, Step step, StepContext context) {
    return runner.run(runner.stepType().cast(step), context);
  }
}
