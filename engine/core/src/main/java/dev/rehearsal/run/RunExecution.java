package dev.rehearsal.run;

import dev.rehearsal.database.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run in progress, started by {@link Interpreter#begin}: the caller starts its scenario runs one by one and
 * {@link #finish()}es it. Between the two, a shutdown hook drops every scratch database still open, so Ctrl-C or a
 * SIGTERM leaves nothing behind.
 */
public final class RunExecution {

  private final Interpreter interpreter;
  private final String runId;
  private final RunListener listener;
  private final Instant startedAt = Instant.now();
  private final List<ScenarioExecution> started = new ArrayList<>();
  private boolean stopped;
  private final long t0 = System.nanoTime();
  private final Thread cleanup;
  private final List<ScenarioRun> plan;
  private final List<ScenarioResult> results = new ArrayList<>();
  private final OrderedListener ordered;
  private final StateCache cache;
  private RunResult result;

  RunExecution(Interpreter interpreter, String runId, List<ScenarioRun> plan, RunListener listener) {
    this.interpreter = interpreter;
    this.runId = Objects.requireNonNull(runId, "runId");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.plan = List.copyOf(plan);
    this.ordered = new OrderedListener(listener, this.plan);
    this.cache = new StateCache(runId);
    this.cleanup = new Thread(this::interrupt, "rehearsal-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    listener.runStarted(runId, this.plan);
    for (Database database : databases()) {
      database.notices().forEach(listener::notice);
    }
  }

  private List<Database> databases() {
    return plan.stream().map(ScenarioRun::database).distinct().toList();
  }

  /** What the databases of the run could not or would not drop, as each reported it. */
  private List<String> leftovers() {
    return databases().stream().flatMap(d -> d.dropProblems().stream().map(line -> d.name() + ": " + line))
        .toList();
  }

  public String runId() {
    return runId;
  }

  /**
   * Creates the scratch database of {@code run} (or records why it could not be) and returns its execution. Scenario
   * runs may be started from several threads at once; the listener still hears about them in plan order.
   */
  public ScenarioExecution start(ScenarioRun run) {
    if (result != null) {
      throw new IllegalStateException("run " + runId + " is finished");
    }
    RunListener events = plan.contains(run) ? ordered.forRun(run) : listener;
    ScenarioExecution execution = interpreter.open(runId, run, events, this::record, cache);
    synchronized (this) {
      started.add(execution);
    }
    return execution;
  }

  /**
   * Records a finished scenario run and reports it, both under the lock the shutdown hook takes: a run is either
   * recorded and reported before an interrupt, or neither (the hook then reports it as interrupted).
   */
  private synchronized void record(ScenarioResult scenario, Runnable report) {
    if (!stopped) {
      results.add(scenario);
      report.run();
    }
  }

  /**
   * The shutdown hook on Ctrl-C or SIGTERM: drops every scratch database and cached state, then reports what was
   * done: the scenario runs that finished, and those still going as {@link Status#INTERRUPTED}.
   */
  void interrupt() {
    synchronized (this) {
      if (result != null) {
        return;
      }
      // From here on, runs that break because their database is dropped are not reported as errors.
      stopped = true;
      ordered.interrupt();
    }
    interpreter.dropOpen();
    cache.close();
    // What a step was using besides its scenario's database (a failure's probe), and anything else left.
    databases().forEach(Database::dropLeftovers);
    List<String> leftovers = leftovers();
    databases().forEach(Database::release);
    List<ScenarioResult> reported;
    synchronized (this) {
      reported = new ArrayList<>(results);
      for (ScenarioExecution execution : started) {
        if (results.stream().noneMatch(r -> r.run().equals(execution.run()))) {
          ScenarioResult interrupted = execution.interrupted();
          listener.scenarioFinished(interrupted);
          reported.add(interrupted);
        }
      }
      reported.sort(java.util.Comparator.comparingInt(r -> plan.indexOf(r.run())));
      result = new RunResult(runId, startedAt, reported, Duration.ofNanos(System.nanoTime() - t0), true, leftovers);
    }
    try {
      listener.runFinished(result);
    } catch (RuntimeException e) {
      // the process is stopping: the summaries written so far stay, and nothing more can be done
    }
  }

  /** Ends the run, reports it, and returns its result; a second call returns the same result. */
  public synchronized RunResult finish() {
    if (result != null) {
      return result;
    }
    if (stopped) {
      // The shutdown hook reports the run; the caller only gets what had finished.
      return new RunResult(runId, startedAt, List.copyOf(results), Duration.ofNanos(System.nanoTime() - t0), true);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running already and will drop what is open
    }
    cache.close();
    List<ScenarioResult> inPlanOrder = new ArrayList<>(results);
    inPlanOrder.sort(java.util.Comparator.comparingInt(r -> plan.indexOf(r.run())));
    result = new RunResult(runId, startedAt, inPlanOrder, Duration.ofNanos(System.nanoTime() - t0), false,
        leftovers());
    databases().forEach(Database::release);
    listener.runFinished(result);
    return result;
  }
}
