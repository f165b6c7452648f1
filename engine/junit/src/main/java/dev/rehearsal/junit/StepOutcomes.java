package dev.rehearsal.junit;

import dev.rehearsal.run.ScenarioRun;
import dev.rehearsal.run.Status;
import dev.rehearsal.run.StepResult;
import dev.rehearsal.steps.Check;
import dev.rehearsal.text.Shown;
import java.util.List;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.MultipleFailuresError;

/**
 * Turns a step's result into what the JUnit Platform reports: nothing for a pass, an {@link AssertionFailedError}
 * per failed check (with expected and actual values, so IDEs offer their diff view), a
 * {@link ScenarioRunException} for an error. The stack trace is one line pointing at the step in its file.
 */
final class StepOutcomes {

  private StepOutcomes() {}

  static void throwUnlessPassed(ScenarioRun run, StepResult step) {
    if (step.status() == Status.FAILED) {
      List<AssertionFailedError> failures = step.failedChecks().stream().map(c -> failure(run, step, c)).toList();
      if (failures.size() == 1) {
        throw failures.get(0);
      }
      MultipleFailuresError all = new MultipleFailuresError(heading(run, step), failures);
      all.setStackTrace(at(run, step));
      throw all;
    }
    if (step.status() == Status.ERROR) {
      throw new ScenarioRunException(heading(run, step) + "\n" + Shown.lines(step.error()), at(run, step)[0]);
    }
  }

  private static AssertionFailedError failure(ScenarioRun run, StepResult step, Check check) {
    StringBuilder message = new StringBuilder(heading(run, step)).append("\nfailed: ").append(Shown.line(check.name()))
        .append("\n  expected: ").append(Shown.indented(check.expected(), "            "))
        .append("\n  actual:   ").append(Shown.indented(check.actual(), "            "));
    if (!check.diff().isEmpty()) {
      message.append("\n").append(Shown.lines(check.diff()).indent(2).stripTrailing());
    }
    AssertionFailedError failure = new AssertionFailedError(message.toString(), check.expected(), check.actual());
    failure.setStackTrace(at(run, step));
    return failure;
  }

  /** {@code scenarios/x.yaml:12:5 [sqlite] step 3: expect rows}: where, on which database, which step. */
  static String heading(ScenarioRun run, StepResult step) {
    return Shown.line(step.step().position() + " [" + run.database().name() + "] step " + step.index() + ": "
        + step.step().describe());
  }

  private static StackTraceElement[] at(ScenarioRun run, StepResult step) {
    return new StackTraceElement[] {at(run, "step " + step.index(), step.step().position().line())};
  }

  /** A stack frame that IDEs and consoles show as {@code [sqlite] scenarios/x.yaml.step 3(x.yaml:12)}. */
  static StackTraceElement at(ScenarioRun run, String what, int line) {
    String file = run.scenario().file();
    return new StackTraceElement("[" + run.database().name() + "] " + file, what,
        file.substring(file.lastIndexOf('/') + 1), line);
  }
}
