package dev.rehearsal.run;

import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.scenario.RecoveryObjectiveStep;
import dev.rehearsal.scenario.Step;
import dev.rehearsal.steps.Recovery;
import dev.rehearsal.steps.StepContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One scenario run in progress, in its own scratch database: its steps run one at a time, in order, through
 * {@link #next()}; {@link #finish()} runs whatever is left, drops the database and reports the result. After a
 * step with an error, the remaining steps are skipped.
 */
public final class ScenarioExecution {

  private final Interpreter interpreter;
  private final ScenarioRun run;
  private final RunListener listener;
  private final BiConsumer<ScenarioResult, Runnable> finished;
  private final long t0;
  private final String version;
  private final ScratchDatabase scratch;
  private final StepContext context;
  private final String error;
  private final boolean notStartedForInfrastructure;
  private final CachedStart cached;
  /** Read by the shutdown hook while the run's thread adds to it. */
  private final List<StepResult> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
  private boolean broken;
  private volatile ScenarioResult result;

  /**
   * @param finished takes the result and the report of it to the listener; it records and reports both, or neither
   * @param cached how the first step was done from the cache, or null
   */
  ScenarioExecution(Interpreter interpreter, ScenarioRun run, RunListener listener,
      BiConsumer<ScenarioResult, Runnable> finished, long t0, String version, ScratchDatabase scratch,
      StepContext context, CachedStart cached) {
    this(interpreter, run, listener, finished, t0, version, scratch, context, null, false, cached);
  }

  private ScenarioExecution(Interpreter interpreter, ScenarioRun run, RunListener listener,
      BiConsumer<ScenarioResult, Runnable> finished, long t0, String version, ScratchDatabase scratch,
      StepContext context, String error, boolean infrastructure, CachedStart cached) {
    this.cached = cached;
    this.interpreter = interpreter;
    this.run = run;
    this.listener = listener;
    this.finished = finished;
    this.t0 = t0;
    this.version = version;
    this.scratch = scratch;
    this.context = context;
    this.error = error;
    this.notStartedForInfrastructure = infrastructure;
  }

  static ScenarioExecution notStarted(Interpreter interpreter, ScenarioRun run, RunListener listener,
      BiConsumer<ScenarioResult, Runnable> finished, long t0, String error, boolean infrastructure) {
    return new ScenarioExecution(interpreter, run, listener, finished, t0, null, null, null, error, infrastructure,
        null);
  }

  public ScenarioRun run() {
    return run;
  }

  /** Why the scenario run could not start (its scratch database could not be created, say); then no step runs. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /** True once a step had an error: every step after it is skipped. */
  public boolean broken() {
    return broken;
  }

  /** The 1-based index of the step {@link #next()} runs. */
  public int nextIndex() {
    return steps.size() + 1;
  }

  public boolean hasNext() {
    return error == null && result == null && steps.size() < run.scenario().steps().size();
  }

  /** Runs the next step, or skips it after an error, reports it to the listener and returns its result. */
  public StepResult next() {
    if (!hasNext()) {
      throw new IllegalStateException("no step left in " + run.id());
    }
    int index = nextIndex();
    Step step = run.scenario().steps().get(index - 1);
    StepResult stepResult;
    if (index == 1 && cached != null) {
      stepResult = new StepResult(index, step, Status.PASSED, List.of(), cached.detail(), null, cached.time());
    } else if (broken) {
      stepResult = new StepResult(index, step, Status.SKIPPED, List.of(), "skipped after an error", null,
          Duration.ZERO);
    } else {
      stepResult = interpreter.runStep(index, step, context);
      if (RestoredDataGuard.applies(run.scenario())) {
        stepResult = RestoredDataGuard.guard(stepResult, run.database());
      }
      broken = stepResult.status() == Status.ERROR;
    }
    steps.add(stepResult);
    listener.stepFinished(run, stepResult);
    return stepResult;
  }

  /**
   * Runs the steps not run yet, drops the scratch database (keeps it with {@code --keep}), reports the result and
   * returns it; a second call returns the same result.
   */
  public ScenarioResult finish() {
    if (result != null) {
      return result;
    }
    String keptAt = null;
    if (error == null) {
      try {
        while (hasNext()) {
          next();
        }
      } finally {
        keptAt = interpreter.close(scratch);
      }
    }
    result = error != null
        ? new ScenarioResult(run, null, Status.ERROR, List.of(), Interpreter.since(t0), error,
            notStartedForInfrastructure, null)
        : new ScenarioResult(run, version, status(), steps, Interpreter.since(t0), null, infrastructure(), keptAt,
            recovery());
    // The run records the result and reports it in one go, or neither once it is being interrupted.
    ScenarioResult done = result;
    finished.accept(done, () -> listener.scenarioFinished(done));
    return result;
  }

  /** What this run had done when the run was stopped: {@link Status#INTERRUPTED}, with the steps so far. */
  ScenarioResult interrupted() {
    return new ScenarioResult(run, version, Status.INTERRUPTED, List.copyOf(steps), Interpreter.since(t0),
        "interrupted by a signal (Ctrl-C or SIGTERM) while it ran; its scratch database was dropped, so the step "
            + "that was running shows the lost connection", false, null);
  }

  /** What the recovery took, for a scenario that restores a backup file or has an objective; else null. */
  private Recovery recovery() {
    List<Step> all = run.scenario().steps();
    Duration objective = all.stream().filter(s -> s instanceof RecoveryObjectiveStep)
        .map(s -> ((RecoveryObjectiveStep) s).objective()).findFirst().orElse(null);
    return objective != null || RestoredDataGuard.applies(run.scenario()) ? context.clock().figures(objective) : null;
  }

  private Status status() {
    return steps.stream().anyMatch(s -> s.status() == Status.ERROR) ? Status.ERROR
        : steps.stream().anyMatch(s -> s.status() == Status.FAILED) ? Status.FAILED : Status.PASSED;
  }

  private boolean infrastructure() {
    return steps.stream().anyMatch(s -> s.status() == Status.ERROR && s.error() != null
        && s.detail().equals(Interpreter.INFRASTRUCTURE));
  }
}
