package dev.rehearsal.run;

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
  private final Instant started = Instant.now();
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
    this.cleanup = new Thread(() -> {
      interpreter.dropOpen();
      cache.close();
    }, "rehearsal-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    listener.runStarted(runId, this.plan);
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
    return interpreter.open(runId, run, events, this::record, cache);
  }

  private synchronized void record(ScenarioResult scenario) {
    results.add(scenario);
  }

  /** Ends the run, reports it, and returns its result; a second call returns the same result. */
  public synchronized RunResult finish() {
    if (result != null) {
      return result;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running already and will drop what is open
    }
    cache.close();
    List<ScenarioResult> inPlanOrder = new ArrayList<>(results);
    inPlanOrder.sort(java.util.Comparator.comparingInt(r -> plan.indexOf(r.run())));
    result = new RunResult(runId, started, inPlanOrder, Duration.ofNanos(System.nanoTime() - t0));
    listener.runFinished(result);
    return result;
  }
}
