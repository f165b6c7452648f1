package dev.rehearsal.report;

import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.RunResult;
import dev.rehearsal.run.ScenarioResult;
import dev.rehearsal.run.ScenarioRun;
import dev.rehearsal.run.Status;
import dev.rehearsal.run.StepResult;
import dev.rehearsal.steps.Check;
import dev.rehearsal.text.Shown;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One line per scenario run as it finishes (status, database, file, time, name), the failed checks and errors
 * under it, and a closing count. On a terminal ({@code live}), a last line that is redrawn in place ({@link
 * LiveLine}) shows how many runs are done and which one is running; without one (CI logs), there is no such line.
 */
public final class TerminalReporter implements RunListener {

  private final PrintWriter out;
  private final LiveLine line;
  private final boolean fitResults;
  private int total;
  private int done;

  public TerminalReporter(PrintWriter out) {
    this(out, false);
  }

  /** @param live draw the progress line; only for a terminal, which understands the escape sequence */
  public TerminalReporter(PrintWriter out, boolean live) {
    this(new LiveLine(out, live, LiveLine.DEFAULT_WIDTH), false);
  }

  /**
   * @param line the live line, shared with the other reporters of the run
   * @param fitResults shorten the scenario name at the end of each result line to the line's width
   */
  public TerminalReporter(LiveLine line, boolean fitResults) {
    this.out = line.out();
    this.line = line;
    this.fitResults = fitResults;
  }

  @Override
  public void runStarted(String runId, List<ScenarioRun> plan) {
    long scenarios = plan.stream().map(r -> r.scenario().file()).distinct().count();
    total = plan.size();
    out.printf("Rehearsal run %s: %d scenario %s (%d %s)%n", runId, plan.size(),
        plan.size() == 1 ? "run" : "runs", scenarios, scenarios == 1 ? "scenario" : "scenarios");
    out.flush();
  }

  @Override
  public void notice(String line) {
    clearLine();
    out.println(Shown.line(line));
    out.flush();
  }

  @Override
  public void scenarioStarted(ScenarioRun run) {
    line.show("[" + done + "/" + total + " done] running " + Shown.line(run.database().name()) + "  "
        + Shown.line(run.scenario().file()));
  }

  @Override
  public void scenarioFinished(ScenarioResult result) {
    clearLine();
    done++;
    ScenarioRun run = result.run();
    String head = String.format("%-6s %-8s %s  %s  ", result.status().name().replace("PASSED", "PASS")
        .replace("FAILED", "FAIL"), Shown.line(run.database().name()), Shown.line(run.scenario().file()),
        millis(result.time()));
    String name = Shown.line(run.scenario().name());
    out.println(fitResults ? fitted(head, name) : head + name);
    if (result.error() != null) {
      indent(result.error(), "       ");
    }
    for (StepResult step : result.steps()) {
      if (step.trace() != null) {
        out.println(Fit.end("       step " + step.index() + " traced: " + Shown.line(step.step().describe()),
            TraceLines.WIDTH));
        TraceLines.of(step).forEach(out::println);
      }
      if (step.status() != Status.FAILED && step.status() != Status.ERROR) {
        continue;
      }
      out.printf("       step %d at %s: %s%n", step.index(), Shown.line(step.step().position().toString()),
          Shown.line(step.step().describe()));
      for (Check check : step.failedChecks()) {
        out.printf("         failed: %s%n", Shown.line(check.name()));
        labelled("expected: ", check.expected());
        labelled("actual:   ", check.actual());
        if (!check.diff().isEmpty()) {
          indent(check.diff(), "           ");
        }
      }
      if (step.error() != null) {
        indent(step.error(), "         ");
      }
    }
    if (result.keptAt() != null) {
      out.printf("       kept: %s%n", Shown.line(result.keptAt()));
    }
    out.flush();
  }

  @Override
  public void runFinished(RunResult result) {
    clearLine();
    for (String leftover : result.leftovers()) {
      out.println("left behind: " + Shown.line(leftover));
    }
    out.printf("%d scenario %s: %d passed, %d failed, %d error%s in %s%n", result.scenarios().size(),
        result.scenarios().size() == 1 ? "run" : "runs", result.count(Status.PASSED), result.count(Status.FAILED),
        result.count(Status.ERROR), result.interrupted() ? ", " + result.count(Status.INTERRUPTED)
            + " interrupted (stopped by a signal; runs not started are not listed)" : "", seconds(result.time()));
    java.util.Set<String> written = new java.util.TreeSet<>();
    result.scenarios().forEach(run -> run.steps().forEach(step -> step.checks()
        .forEach(check -> check.written().ifPresent(written::add))));
    if (!written.isEmpty()) {
      out.printf("Wrote %d golden %s (review the diff before committing):%n", written.size(),
          written.size() == 1 ? "file" : "files");
      written.forEach(file -> out.println("  " + file));
    }
    out.flush();
  }

  /**
   * The result line within the width: the name cut at its end, or left out when fewer than ten columns are left for
   * it (a long file name), so that a terminal never wraps the line.
   */
  private String fitted(String head, String name) {
    int room = line.width() - head.length();
    return room >= 10 ? head + Fit.end(name, room) : head.stripTrailing();
  }

  private void clearLine() {
    line.clear();
  }

  /** A one-line value beside its label; a multi-line one under it. */
  private void labelled(String label, String value) {
    if (value.contains("\n")) {
      out.println("           " + label.strip());
      indent(value, "             ");
    } else {
      out.println("           " + label + Shown.line(value));
    }
  }

  /** Every line indented, so no line of a value can pass for a scenario's or the totals' line. */
  private void indent(String text, String prefix) {
    Shown.lines(text).lines().forEach(line -> out.println(prefix + line));
  }

  private static String millis(Duration time) {
    return time.toMillis() + " ms";
  }

  private static String seconds(Duration time) {
    return String.format(Locale.ROOT, "%.1f s", time.toMillis() / 1000.0);
  }
}
