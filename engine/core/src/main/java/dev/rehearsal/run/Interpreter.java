package dev.rehearsal.run;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.migrations.MigrationFailedException;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.migrations.RepositoryException;
import dev.rehearsal.scenario.Step;
import dev.rehearsal.steps.StepContext;
import dev.rehearsal.steps.StepFailure;
import dev.rehearsal.steps.StepOutcome;
import dev.rehearsal.steps.StepRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs scenario runs, each in a scratch database of its own that is dropped afterwards (also on Ctrl-C), and
 * publishes what happens to a {@link RunListener}. Never throws past a scenario: a broken scenario is a result
 * with status {@link Status#ERROR}, and the next scenario runs.
 *
 * <p>{@link #run} does a whole plan in one call. Callers that drive a run themselves, one scenario run and one step
 * at a time (the JUnit engine), use {@link #begin}: the semantics (isolation, skipping after an error, cleanup,
 * events) are the same, because {@link #run} is written on top of it.
 */
public final class Interpreter {

  private static final Logger LOG = Logger.getLogger(Interpreter.class.getName());
  static final String INFRASTRUCTURE = "infrastructure error";

  private final Function<Database, MigrationRepository> repositories;
  private final StepRegistry registry;
  private final boolean keep;
  private final StepContext.Settings settings;
  private final Set<ScratchDatabase> open = ConcurrentHashMap.newKeySet();

  /**
   * @param repositories the migrations repository (with the environment) of each database
   * @param projectRoot golden files are resolved against it
   */
  public Interpreter(Function<Database, MigrationRepository> repositories, StepRegistry registry,
      RunOptions options, Path projectRoot) {
    this.repositories = Objects.requireNonNull(repositories, "repositories");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.keep = options.keep();
    this.settings = new StepContext.Settings(projectRoot, options.updateSnapshots());
  }

  /** Runs every scenario run of {@code plan}, in order, and every step of each. */
  public RunResult run(String runId, List<ScenarioRun> plan, RunListener listener) {
    RunExecution execution = begin(runId, plan, listener);
    for (ScenarioRun run : plan) {
      execution.start(run).finish();
    }
    return execution.finish();
  }

  /**
   * Starts a run whose scenario runs the caller starts one by one; {@link RunExecution#finish()} ends it. Until
   * then, a shutdown hook drops the scratch databases that are open.
   */
  public RunExecution begin(String runId, List<ScenarioRun> plan, RunListener listener) {
    return new RunExecution(this, runId, plan, listener);
  }

  /** A new scenario execution: its scratch database created, or the reason it could not be. */
  ScenarioExecution open(String runId, ScenarioRun run, RunListener listener,
      Consumer<ScenarioResult> finished) {
    long t0 = System.nanoTime();
    listener.scenarioStarted(run);
    Database database = run.database();
    try {
      MigrationRepository repository = repositories.apply(database);
      String version = database.version();
      ScratchDatabase scratch = database.createScratch(runId + "_" + run.index());
      open.add(scratch);
      StepContext context = new StepContext(database, scratch, repository, settings);
      return new ScenarioExecution(this, run, listener, finished, t0, version, scratch, context);
    } catch (DatabaseException | RepositoryException e) {
      LOG.log(Level.FINE, e, () -> "cannot start " + run.id());
      // A repository that cannot be opened (missing environment file, bad script name) is the project's fault.
      boolean infrastructure = e instanceof DatabaseException db && db.infrastructure();
      return ScenarioExecution.notStarted(this, run, listener, finished, t0, e.getMessage(), infrastructure);
    }
  }

  /** Drops (or keeps, with {@code --keep}) a scratch database; returns how to open it when kept. */
  String close(ScratchDatabase scratch) {
    if (keep) {
      scratch.keep();
    }
    scratch.close();
    open.remove(scratch);
    return keep ? scratch.openCommand() : null;
  }

  StepResult runStep(int index, Step step, StepContext context) {
    long t0 = System.nanoTime();
    try {
      StepOutcome outcome = registry.run(step, context);
      Status status = outcome.passed() ? Status.PASSED : Status.FAILED;
      return new StepResult(index, step, status, outcome.checks(), outcome.detail(), null, since(t0));
    } catch (MigrationFailedException | DatabaseException | StepFailure | RepositoryException e) {
      LOG.log(Level.FINE, e, () -> "step " + index + " failed");
      boolean infrastructure = e instanceof DatabaseException db && db.infrastructure();
      return new StepResult(index, step, Status.ERROR, List.of(), infrastructure ? INFRASTRUCTURE : "error",
          e.getMessage(), since(t0));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "internal error in step " + index);
      return new StepResult(index, step, Status.ERROR, List.of(), "error",
          "internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage()
              + " — please report it; --debug shows the stack trace", since(t0));
    }
  }

  void dropOpen() {
    for (ScratchDatabase scratch : open) {
      scratch.close();
    }
  }

  static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }
}
