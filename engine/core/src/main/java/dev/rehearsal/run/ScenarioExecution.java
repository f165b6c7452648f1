package dev.rehearsal.run;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.migrations.Migration;
import dev.rehearsal.migrations.MigrationFailedException;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.migrations.RepositoryException;
import dev.rehearsal.scenario.ApplyStep;
import dev.rehearsal.scenario.Step;
import dev.rehearsal.scenario.Target;
import dev.rehearsal.steps.StepContext;
import dev.rehearsal.steps.StepFailure;
import dev.rehearsal.steps.StepOutcome;
import dev.rehearsal.steps.StepRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs one scenario run in its own scratch database, step by step; never throws. */
final class ScenarioExecution {

  private static final Logger LOG = Logger.getLogger(ScenarioExecution.class.getName());
  private static final String INFRASTRUCTURE = "infrastructure error";

  private final Function<Database, MigrationRepository> repositories;
  private final StepRegistry registry;
  private final RunOptions options;
  private final StepContext.Settings settings;
  private final Path backupsDir;
  private final StateCache cache;
  private final Set<ScratchDatabase> open;
  /** Set by {@link #start} when the first step's apply came from the cache: its detail line, and how long it took. */
  private String cached;
  private long startNanos;

  ScenarioExecution(Function<Database, MigrationRepository> repositories, StepRegistry registry, RunOptions options,
      StepContext.Settings settings, Path backupsDir, StateCache cache, Set<ScratchDatabase> open) {
    this.repositories = repositories;
    this.registry = registry;
    this.options = options;
    this.settings = settings;
    this.backupsDir = backupsDir;
    this.cache = cache;
    this.open = open;
  }

  ScenarioResult run(String runId, ScenarioRun run, RunListener listener) {
    long t0 = System.nanoTime();
    listener.scenarioStarted(run);
    Database database = run.database();
    ScratchDatabase scratch;
    String version;
    MigrationRepository repository;
    try {
      repository = repositories.apply(database);
      version = database.version();
      scratch = start(runId, run, database, repository);
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
        if (index == 1 && cached != null) {
          result = new StepResult(1, step, Status.PASSED, List.of(), cached, null, Duration.ofNanos(startNanos));
        } else if (broken) {
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
      if (options.keep()) {
        scratch.keep();
      }
      scratch.close();
      open.remove(scratch);
    }
    Status status = steps.stream().anyMatch(s -> s.status() == Status.ERROR) ? Status.ERROR
        : steps.stream().anyMatch(s -> s.status() == Status.FAILED) ? Status.FAILED : Status.PASSED;
    return new ScenarioResult(run, version, status, steps, since(t0), null, infrastructure,
        options.keep() ? scratch.openCommand() : null);
  }

  /**
   * A fresh scratch database; when the scenario starts with a plain {@code apply: X}, a copy of the cached state at
   * X, and the apply step is then done.
   */
  private ScratchDatabase start(String runId, ScenarioRun run, Database database, MigrationRepository repository) {
    String label = runId + "_" + run.index();
    Step first = run.scenario().steps().isEmpty() ? null : run.scenario().steps().get(0);
    if (!options.cache() || !(first instanceof ApplyStep apply) || apply.expectError() != null
        || apply.within() != null || repository.migrations().isEmpty()) {
      return database.createScratch(label);
    }
    List<Migration> migrations = repository.migrations();
    BigDecimal version = apply.to() instanceof Target.Id id ? id.id() : migrations.get(migrations.size() - 1).id();
    long t0 = System.nanoTime();
    ScratchDatabase scratch;
    try {
      scratch = cache.scratchAt(database, repository, version, label);
    } catch (MigrationFailedException e) {
      // The apply itself fails: run it as a step, so it is reported where the scenario says it.
      return database.createScratch(label);
    }
    startNanos = System.nanoTime() - t0;
    long count = migrations.stream().filter(m -> m.id().compareTo(version) <= 0).count();
    cached = count + (count == 1 ? " migration" : " migrations") + " applied (copied from the state cached for this "
        + "run), now at version " + version.toPlainString();
    return scratch;
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

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }
}
