package dev.rehearsal.run;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.migrations.Migration;
import dev.rehearsal.migrations.MigrationFailedException;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.migrations.RepositoryException;
import dev.rehearsal.scenario.RestoreFileStep;
import dev.rehearsal.scenario.RestoreStep;
import dev.rehearsal.scenario.Step;
import dev.rehearsal.steps.RoundtripProgress;
import dev.rehearsal.steps.StepContext;
import dev.rehearsal.steps.StepFailure;
import dev.rehearsal.steps.StepOutcome;
import dev.rehearsal.steps.StepRegistry;
import dev.rehearsal.steps.Verdict;
import dev.rehearsal.text.Shown;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
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
  private final RunOptions options;
  private final StepContext.Settings settings;
  private final Path backupsDir;
  private final Set<ScratchDatabase> open = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicInteger creating = new java.util.concurrent.atomic.AtomicInteger();
  private volatile boolean closing;

  /**
   * @param repositories the migrations repository (with the environment) of each database
   * @param projectRoot golden files are resolved against it
   * @param allowOutsideProject golden files may lie outside {@code projectRoot}
   * @param backupsDir backups go to {@code backupsDir/<run>/<scenario>--<database>/}
   */
  public Interpreter(Function<Database, MigrationRepository> repositories, StepRegistry registry,
      RunOptions options, Path projectRoot, boolean allowOutsideProject, Path backupsDir) {
    this.repositories = Objects.requireNonNull(repositories, "repositories");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.options = Objects.requireNonNull(options, "options");
    this.keep = options.keep();
    this.settings = new StepContext.Settings(projectRoot, options.updateSnapshots(), allowOutsideProject,
        options.baseline());
    this.backupsDir = Objects.requireNonNull(backupsDir, "backupsDir");
  }

  /**
   * Runs every scenario run of {@code plan} and every step of each, up to {@link RunOptions#jobs()} scenario runs at
   * once; the listener hears about them in plan order whatever the number of jobs.
   */
  public RunResult run(String runId, List<ScenarioRun> plan, RunListener listener) {
    RunExecution execution = begin(runId, plan, listener);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.jobs(), plan.size())));
    try {
      List<Future<ScenarioResult>> futures = new ArrayList<>();
      for (ScenarioRun run : plan) {
        futures.add(pool.submit(() -> execution.start(run).finish()));
      }
      for (Future<ScenarioResult> future : futures) {
        join(future);
      }
    } finally {
      pool.shutdownNow();
    }
    return execution.finish();
  }

  private static void join(Future<ScenarioResult> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scenarios were running", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    }
  }

  /**
   * Starts a run whose scenario runs the caller starts one by one; {@link RunExecution#finish()} ends it. Until
   * then, a shutdown hook drops the scratch databases that are open.
   */
  public RunExecution begin(String runId, List<ScenarioRun> plan, RunListener listener) {
    return new RunExecution(this, runId, plan, listener);
  }

  /**
   * A new scenario execution: its scratch database created (from the run's cache of migrated states when the
   * scenario starts with a plain {@code apply}), or the reason it could not be.
   */
  ScenarioExecution open(String runId, ScenarioRun run, RunListener listener,
      BiConsumer<ScenarioResult, Runnable> finished, StateCache cache) {
    long t0 = System.nanoTime();
    listener.scenarioStarted(run);
    Database database = run.database();
    try {
      MigrationRepository repository = repositories.apply(database);
      String version = database.version();
      String label = runId + "_" + run.index();
      CachedStart cached;
      ScratchDatabase scratch;
      creating.incrementAndGet();
      try {
        cached = options.cache() ? CachedStart.of(run, database, repository, cache, label) : null;
        scratch = cached != null ? cached.scratch() : database.createScratch(label);
        open.add(scratch);
      } finally {
        creating.decrementAndGet();
      }
      if (closing) {
        // Ctrl-C or SIGTERM arrived while the database was being created: do not leave it behind.
        open.remove(scratch);
        scratch.close();
        throw DatabaseException.infrastructure("interrupted", new InterruptedException("the run is stopping"));
      }
      StepContext context = new StepContext(database, scratch, repository, settings,
          backupsDir.resolve(runId).resolve(run.id()), progress(run, listener, RestoredDataGuard.applies(
              run.scenario())));
      return new ScenarioExecution(this, run, listener, finished, t0, version, scratch, context, cached);
    } catch (DatabaseException | RepositoryException e) {
      LOG.log(Level.FINE, e, () -> "cannot start " + Shown.line(run.id()));
      // A repository that cannot be opened (missing environment file, bad script name) is the project's fault.
      boolean infrastructure = e instanceof DatabaseException db && db.infrastructure();
      return ScenarioExecution.notStarted(this, run, listener, finished, t0, e.getMessage(), infrastructure);
    }
  }

  /**
   * Passes a round-trip's progress on to the listener, as events of {@code run}; with {@code guarded}, without the
   * row values of restored data.
   */
  private static RoundtripProgress progress(ScenarioRun run, RunListener listener, boolean guarded) {
    return new RoundtripProgress() {
      @Override
      public void started(List<Migration> migrations) {
        listener.roundtripStarted(run, migrations);
      }

      @Override
      public void checked(Verdict verdict) {
        listener.migrationChecked(run, guarded ? RestoredDataGuard.guard(verdict, run.database()) : verdict);
      }
    };
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
    if (step instanceof RestoreStep || step instanceof RestoreFileStep) {
      context.clock().restoreStarting();
    }
    StepResult result = timedStep(index, step, context);
    context.clock().stepFinished(step, result.time());
    return result;
  }

  private StepResult timedStep(int index, Step step, StepContext context) {
    long t0 = System.nanoTime();
    try {
      StepOutcome outcome = registry.run(step, context);
      Status status = outcome.passed() ? Status.PASSED : Status.FAILED;
      return new StepResult(index, step, status, outcome.checks(), outcome.detail(), null, since(t0),
          outcome.verdicts(), context.stepTrace(step));
    } catch (MigrationFailedException | DatabaseException | StepFailure | RepositoryException e) {
      LOG.log(Level.FINE, e, () -> "step " + index + " failed");
      boolean infrastructure = e instanceof DatabaseException db && db.infrastructure();
      // A traced step that failed keeps its trace: what ran, and why a statement was not traced.
      return new StepResult(index, step, Status.ERROR, List.of(), infrastructure ? INFRASTRUCTURE : "error",
          e.getMessage(), since(t0), List.of(), context.stepTrace(step));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "internal error in step " + index);
      return new StepResult(index, step, Status.ERROR, List.of(), "error",
          "internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage()
              + " — please report it; --debug shows the stack trace", since(t0));
    }
  }

  /**
   * Drops every scratch database still open; called by the shutdown hook on Ctrl-C or SIGTERM. Databases being
   * created at that moment are waited for (a few seconds at most) and dropped by their creator, which sees
   * {@link #closing}; without that wait, a CREATE DATABASE that completes after the hook would be left behind.
   */
  void dropOpen() {
    closing = true;
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (creating.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (ScratchDatabase scratch : open) {
      scratch.close();
    }
  }

  static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }
}
