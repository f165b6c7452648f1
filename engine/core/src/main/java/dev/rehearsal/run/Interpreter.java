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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs scenario runs, each in a scratch database of its own that is dropped afterwards (also on Ctrl-C), and
 * publishes what happens to a {@link RunListener}. Never throws past a scenario: a broken scenario is a result
 * with status {@link Status#ERROR}, and the next scenario runs.
 */
public final class Interpreter {

  private static final Logger LOG = Logger.getLogger(Interpreter.class.getName());
  private static final String INFRASTRUCTURE = "infrastructure error";

  private final Function<Database, MigrationRepository> repositories;
  private final StepRegistry registry;
  private final boolean keep;
  private final StepContext.Settings settings;
  private final java.nio.file.Path backupsDir;
  private final Set<ScratchDatabase> open = ConcurrentHashMap.newKeySet();

  /**
   * @param repositories the migrations repository (with the environment) of each database
   * @param projectRoot golden files are resolved against it
   */
  public Interpreter(Function<Database, MigrationRepository> repositories, StepRegistry registry,
      RunOptions options, java.nio.file.Path projectRoot, java.nio.file.Path backupsDir) {
    this.backupsDir = Objects.requireNonNull(backupsDir, "backupsDir");
    this.repositories = Objects.requireNonNull(repositories, "repositories");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.keep = options.keep();
    this.settings = new StepContext.Settings(projectRoot, options.updateSnapshots());
  }

  public RunResult run(String runId, List<ScenarioRun> plan, RunListener listener) {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    Thread cleanup = new Thread(this::dropOpen, "rehearsal-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    List<ScenarioResult> results = new ArrayList<>();
    try {
      listener.runStarted(runId, plan);
      for (ScenarioRun run : plan) {
        ScenarioResult result = runOne(runId, run, listener);
        results.add(result);
        listener.scenarioFinished(result);
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running already and will drop what is open
      }
    }
    RunResult result = new RunResult(runId, started, results, Duration.ofNanos(System.nanoTime() - t0));
    listener.runFinished(result);
    return result;
  }

  private ScenarioResult runOne(String runId, ScenarioRun run, RunListener listener) {
    long t0 = System.nanoTime();
    listener.scenarioStarted(run);
    Database database = run.database();
    ScratchDatabase scratch;
    String version;
    MigrationRepository repository;
    try {
      repository = repositories.apply(database);
      version = database.version();
      scratch = database.createScratch(runId + "_" + run.index());
    } catch (DatabaseException | RepositoryException e) {
      LOG.log(Level.FINE, e, () -> "cannot start " + run.id());
      // A repository that cannot be opened (missing environment file, bad script name) is the project's fault.
      boolean infrastructure = e instanceof DatabaseException db && db.infrastructure();
      return new ScenarioResult(run, null, Status.ERROR, List.of(), since(t0), e.getMessage(), infrastructure, null);
    }
    open.add(scratch);
    List<StepResult> steps = new ArrayList<>();
    boolean infrastructure = false;
    try {
      StepContext context = new StepContext(database, scratch, repository, settings,
          backupsDir.resolve(runId).resolve(run.id()));
      boolean broken = false;
      int index = 0;
      for (Step step : run.scenario().steps()) {
        index++;
        StepResult result;
        if (broken) {
          result = new StepResult(index, step, Status.SKIPPED, List.of(), "skipped after an error", null,
              Duration.ZERO);
        } else {
          result = runStep(index, step, context);
          broken = result.status() == Status.ERROR;
          infrastructure |= broken && result.error() != null && isInfrastructure(result);
        }
        steps.add(result);
        listener.stepFinished(run, result);
      }
    } finally {
      if (keep) {
        scratch.keep();
      }
      scratch.close();
      open.remove(scratch);
    }
    Status status = steps.stream().anyMatch(s -> s.status() == Status.ERROR) ? Status.ERROR
        : steps.stream().anyMatch(s -> s.status() == Status.FAILED) ? Status.FAILED : Status.PASSED;
    return new ScenarioResult(run, version, status, steps, since(t0), null, infrastructure,
        keep ? scratch.openCommand() : null);
  }

  private StepResult runStep(int index, Step step, StepContext context) {
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

  private static boolean isInfrastructure(StepResult result) {
    return result.detail().equals(INFRASTRUCTURE);
  }

  private void dropOpen() {
    for (ScratchDatabase scratch : open) {
      scratch.close();
    }
  }

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }
}
