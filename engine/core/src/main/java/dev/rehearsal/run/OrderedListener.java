package dev.rehearsal.run;

import dev.rehearsal.migrations.Migration;
import dev.rehearsal.steps.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers the events of scenario runs that go in parallel to a listener in plan order, each run's events together:
 * when run k finishes, its events and those of the finished runs after it are delivered once every run before it
 * has been. Terminal lines and reports are the same whatever the number of jobs.
 */
final class OrderedListener {

  private final RunListener target;
  private final List<ScenarioRun> plan;
  private final Map<Integer, List<Runnable>> pending = new HashMap<>();
  private final Map<Integer, Boolean> finished = new HashMap<>();
  private int next;
  private boolean silenced;

  OrderedListener(RunListener target, List<ScenarioRun> plan) {
    this.target = target;
    this.plan = List.copyOf(plan);
  }

  /** A listener for one run's events; they are held until that run's turn. */
  RunListener forRun(ScenarioRun run) {
    int position = plan.indexOf(run);
    return new RunListener() {
      @Override
      public void scenarioStarted(ScenarioRun r) {
        add(position, () -> target.scenarioStarted(r), false);
      }

      @Override
      public void stepFinished(ScenarioRun r, StepResult step) {
        add(position, () -> target.stepFinished(r, step), false);
      }

      @Override
      public void roundtripStarted(ScenarioRun r, List<Migration> migrations) {
        add(position, () -> target.roundtripStarted(r, migrations), false);
      }

      @Override
      public void migrationChecked(ScenarioRun r, Verdict verdict) {
        add(position, () -> target.migrationChecked(r, verdict), false);
      }

      @Override
      public void scenarioFinished(ScenarioResult result) {
        add(position, () -> target.scenarioFinished(result), true);
      }
    };
  }

  /**
   * For an interrupted run: delivers the held events of every finished run, in plan order, and drops any event
   * that comes later (the runs still going are reported as interrupted instead).
   */
  synchronized void interrupt() {
    for (int position = next; position < plan.size(); position++) {
      if (finished.getOrDefault(position, false)) {
        pending.getOrDefault(position, List.of()).forEach(Runnable::run);
      }
    }
    pending.clear();
    silenced = true;
  }

  private synchronized void add(int position, Runnable event, boolean last) {
    if (silenced) {
      return;
    }
    if (position == next && pending.getOrDefault(position, List.of()).isEmpty()) {
      event.run();
    } else {
      pending.computeIfAbsent(position, p -> new ArrayList<>()).add(event);
    }
    if (last) {
      finished.put(position, true);
      flush();
    }
  }

  private void flush() {
    while (next < plan.size() && finished.getOrDefault(next, false)) {
      pending.getOrDefault(next, List.of()).forEach(Runnable::run);
      pending.remove(next);
      next++;
      List<Runnable> early = pending.getOrDefault(next, List.of());
      if (!finished.getOrDefault(next, false) && !early.isEmpty()) {
        early.forEach(Runnable::run);
        early.clear();
      }
    }
  }
}
