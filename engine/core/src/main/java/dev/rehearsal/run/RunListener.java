package dev.rehearsal.run;

import java.util.List;

/**
 * Observes a run as it happens. Reports are listeners, so the command line, tests and (later) the JUnit engine all
 * see the same events. Methods are called from the thread running the scenario; implementations must not throw.
 */
public interface RunListener {

  default void runStarted(String runId, List<ScenarioRun> plan) {}

  default void scenarioStarted(ScenarioRun run) {}

  default void stepFinished(ScenarioRun run, StepResult step) {}

  default void scenarioFinished(ScenarioResult result) {}

  default void runFinished(RunResult result) {}

  /** One listener that forwards every event to each of {@code listeners}, in order. */
  static RunListener all(List<RunListener> listeners) {
    List<RunListener> copy = List.copyOf(listeners);
    return new RunListener() {
      @Override
      public void runStarted(String runId, List<ScenarioRun> plan) {
        copy.forEach(l -> l.runStarted(runId, plan));
      }

      @Override
      public void scenarioStarted(ScenarioRun run) {
        copy.forEach(l -> l.scenarioStarted(run));
      }

      @Override
      public void stepFinished(ScenarioRun run, StepResult step) {
        copy.forEach(l -> l.stepFinished(run, step));
      }

      @Override
      public void scenarioFinished(ScenarioResult result) {
        copy.forEach(l -> l.scenarioFinished(result));
      }

      @Override
      public void runFinished(RunResult result) {
        copy.forEach(l -> l.runFinished(result));
      }
    };
  }
}
