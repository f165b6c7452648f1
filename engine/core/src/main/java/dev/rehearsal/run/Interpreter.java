package dev.rehearsal.run;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.steps.StepContext;
import dev.rehearsal.steps.StepRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs scenario runs, each in a scratch database of its own that is dropped afterwards (also on Ctrl-C), up to
 * {@link RunOptions#jobs()} at once, and publishes what happens to a {@link RunListener} in plan order whatever the
 * number of jobs. Never throws past a scenario: a broken scenario is a result with status {@link Status#ERROR}, and
 * the next scenario runs.
 */
public final class Interpreter {

  private final Function<Database, MigrationRepository> repositories;
  private final StepRegistry registry;
  private final RunOptions options;
  private final StepContext.Settings settings;
  private final Path backupsDir;
  private final Set<ScratchDatabase> open = ConcurrentHashMap.newKeySet();

  /**
   * @param repositories the migrations repository (with the environment) of each database
   * @param projectRoot golden files are resolved against it
   * @param backupsDir backups go to {@code backupsDir/<run>/<scenario>--<database>/}
   */
  public Interpreter(Function<Database, MigrationRepository> repositories, StepRegistry registry,
      RunOptions options, Path projectRoot, Path backupsDir) {
    this.repositories = Objects.requireNonNull(repositories, "repositories");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.options = Objects.requireNonNull(options, "options");
    this.settings = new StepContext.Settings(projectRoot, options.updateSnapshots());
    this.backupsDir = Objects.requireNonNull(backupsDir, "backupsDir");
  }

  public RunResult run(String runId, List<ScenarioRun> plan, RunListener listener) {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    StateCache cache = new StateCache(runId);
    Thread cleanup = new Thread(() -> dropOpen(cache), "rehearsal-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    List<ScenarioResult> results = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.jobs(), Math.max(1, plan.size())));
    try {
      listener.runStarted(runId, plan);
      OrderedListener ordered = new OrderedListener(listener, plan);
      List<Future<ScenarioResult>> futures = new ArrayList<>();
      for (ScenarioRun run : plan) {
        RunListener events = ordered.forRun(run);
        futures.add(pool.submit(() -> {
          ScenarioResult result = new ScenarioExecution(repositories, registry, options, settings, backupsDir,
              cache, open).run(runId, run, events);
          events.scenarioFinished(result);
          return result;
        }));
      }
      for (Future<ScenarioResult> future : futures) {
        results.add(join(future));
      }
    } finally {
      pool.shutdownNow();
      cache.close();
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

  private static ScenarioResult join(Future<ScenarioResult> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scenarios were running", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    }
  }

  private void dropOpen(StateCache cache) {
    for (ScratchDatabase scratch : open) {
      scratch.close();
    }
    cache.close();
  }
}
