package dev.rehearsal.run;

import dev.rehearsal.migrations.Migration;
import dev.rehearsal.steps.Verdict;
import java.util.List;
import java.util.function.Consumer;

/**
 * Observes a run as it happens. Reports are listeners, so the command line, tests and (later) the JUnit engine all
 * see the same events. Methods are called from the thread running the scenario; implementations must not throw.
 */
public interface RunListener {

  default void runStarted(String runId, List<ScenarioRun> plan) {}

  default void scenarioStarted(ScenarioRun run) {}

  default void stepFinished(ScenarioRun run, StepResult step) {}

  /** A round-trip step of {@code run} is about to check {@code migrations}, in this order. */
  default void roundtripStarted(ScenarioRun run, List<Migration> migrations) {}

  /** A round-trip step of {@code run} knows the verdict of one migration. */
  default void migrationChecked(ScenarioRun run, Verdict verdict) {}

  default void scenarioFinished(ScenarioResult result) {}

  default void runFinished(RunResult result) {}

  /**
   * A line about the run as a whole, once, as it starts: e.g. that steps on a database run with more privileges
   * than they need ({@code warning: ...}) or that the door user is a superuser ({@code notice: ...}).
   */
  default void notice(String line) {}

  /**
   * One listener that forwards every event to each of {@code listeners}, in order. A listener that throws (a report
   * that cannot be written) does not keep the event from the others; the first exception is thrown once all have
   * heard it, with the later ones suppressed.
   */
  static RunListener all(List<RunListener> listeners) {
    List<RunListener> copy = List.copyOf(listeners);
    return new RunListener() {
      @Override
      public void runStarted(String runId, List<ScenarioRun> plan) {
        each(l -> l.runStarted(runId, plan));
      }

      @Override
      public void scenarioStarted(ScenarioRun run) {
        each(l -> l.scenarioStarted(run));
      }

      @Override
      public void stepFinished(ScenarioRun run, StepResult step) {
        each(l -> l.stepFinished(run, step));
      }

      @Override
      public void roundtripStarted(ScenarioRun run, List<Migration> migrations) {
        each(l -> l.roundtripStarted(run, migrations));
      }

      @Override
      public void migrationChecked(ScenarioRun run, Verdict verdict) {
        each(l -> l.migrationChecked(run, verdict));
      }

      @Override
      public void scenarioFinished(ScenarioResult result) {
        each(l -> l.scenarioFinished(result));
      }

      @Override
      public void runFinished(RunResult result) {
        each(l -> l.runFinished(result));
      }

      @Override
      public void notice(String line) {
        each(l -> l.notice(line));
      }

      private void each(Consumer<RunListener> event) {
        RuntimeException first = null;
        for (RunListener listener : copy) {
          try {
            event.accept(listener);
          } catch (RuntimeException e) {
            if (first == null) {
              first = e;
            } else {
              first.addSuppressed(e);
            }
          }
        }
        if (first != null) {
          throw first;
        }
      }
    };
  }
}
