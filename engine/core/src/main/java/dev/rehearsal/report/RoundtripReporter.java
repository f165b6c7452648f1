package dev.rehearsal.report;

import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.ScenarioResult;
import dev.rehearsal.run.StepResult;
import dev.rehearsal.scenario.RoundtripStep;
import dev.rehearsal.steps.Check;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict of every migration of a round-trip, one line each, before the scenario's own line: the script, then
 * {@code passed}, {@code no undo section}, {@code lossy (allowed): users.legacy_email}, ...
 */
public final class RoundtripReporter implements RunListener {

  private static final String PREFIX = "roundtrip ";

  private final PrintWriter out;

  public RoundtripReporter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void scenarioFinished(ScenarioResult result) {
    List<Check> verdicts = new ArrayList<>();
    for (StepResult step : result.steps()) {
      if (step.step() instanceof RoundtripStep) {
        verdicts.addAll(step.checks());
      }
    }
    if (verdicts.isEmpty()) {
      return;
    }
    int width = verdicts.stream().mapToInt(c -> c.name().length() - PREFIX.length()).max().orElse(0);
    out.printf("Round-trips on %s:%n", result.run().database().name());
    for (Check verdict : verdicts) {
      out.printf("  %-" + width + "s  %s%n", verdict.name().substring(PREFIX.length()), verdict.actual());
    }
    out.flush();
  }
}
