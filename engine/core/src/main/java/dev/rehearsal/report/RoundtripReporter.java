package dev.rehearsal.report;

import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.ScenarioResult;
import dev.rehearsal.run.StepResult;
import dev.rehearsal.scenario.RoundtripStep;
import dev.rehearsal.steps.Check;
import dev.rehearsal.text.Shown;
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
    List<String> names = verdicts.stream().map(c -> Shown.line(c.name().substring(PREFIX.length()))).toList();
    int width = names.stream().mapToInt(String::length).max().orElse(0);
    out.printf("Round-trips on %s:%n", Shown.line(result.run().database().name()));
    for (int i = 0; i < verdicts.size(); i++) {
      out.printf("  %-" + width + "s  %s%n", names.get(i), Shown.line(verdicts.get(i).actual()));
    }
    out.flush();
  }
}
