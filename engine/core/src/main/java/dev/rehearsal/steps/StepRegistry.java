package dev.rehearsal.steps;

import dev.rehearsal.scenario.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runner of every step kind, found by the step's type (two kinds may share a YAML key: {@code restore: LABEL}
 * and {@code restore: {file: ...}}). A new step kind is one runner added here.
 */
public final class StepRegistry {

  private final Map<Class<?>, StepRunner<?>> runners = new LinkedHashMap<>();

  private StepRegistry(List<StepRunner<?>> runners) {
    runners.forEach(r -> this.runners.put(r.stepType(), r));
  }

  /** The registry of the built-in step kinds. */
  public static StepRegistry standard() {
    return new StepRegistry(List.of(new ApplyRunner(), new RollbackRunner(), new SeedRunner(), new SqlRunner(),
        new ExpectRunner(), new SnapshotRunner(), new RoundtripRunner(), new BackupRunner(), new RestoreRunner(),
        new RestoreFileRunner(), new CorruptBackupRunner(), new FailRunner(), new RecoveryObjectiveRunner()));
  }

  /** The YAML keys of the step kinds, each once. */
  public List<String> keywords() {
    return runners.values().stream().map(StepRunner::keyword).distinct().toList();
  }

  /** Runs a step with the runner registered for its keyword. */
  public StepOutcome run(Step step, StepContext context) {
    StepRunner<?> runner = runners.get(step.getClass());
    if (runner == null) {
      throw new IllegalStateException("no runner for step kind '" + step.keyword() + "' (" + step.getClass()
          .getSimpleName() + ")");
    }
    return runWith(runner, step, context);
  }

  private static <S extends Step> StepOutcome runWith(StepRunner<S> runner, Step step, StepContext context) {
    return runner.run(runner.stepType().cast(step), context);
  }
}
