package dev.rehearsal.report;

import dev.rehearsal.migrations.ScriptTrace;
import dev.rehearsal.run.StepResult;
import dev.rehearsal.scenario.LockMode;
import dev.rehearsal.steps.StepTrace;
import dev.rehearsal.text.Shown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The terminal's lines for a traced step: per script that ran, one line per relation that took a lock stronger
 * than ROW EXCLUSIVE (one that blocks writes or more): the relation, the mode, how long it was held until commit,
 * the rows of the table, and whether it was rewritten; untraced statements with why. At most 80 columns.
 */
final class TraceLines {

  static final int WIDTH = 80;

  private TraceLines() {}

  static List<String> of(StepResult step) {
    StepTrace trace = step.trace();
    List<String> lines = new ArrayList<>();
    if (trace == null) {
      return lines;
    }
    if (!trace.note().isEmpty()) {
      Fit.wrap("trace: " + trace.note(), WIDTH - 7).forEach(l -> lines.add("       " + l));
    }
    for (ScriptTrace script : trace.scripts()) {
      String head = "       " + (script.undo() ? "down " : "up   ") + Shown.line(script.script());
      List<String> relations = new ArrayList<>();
      for (ScriptTrace.Hold hold : script.holds()) {
        if (!hold.mode().strongerThan(LockMode.ROW_EXCLUSIVE)) {
          continue;
        }
        Long rows = trace.rows().get(hold.relation());
        String tail = String.format(Locale.ROOT, " %-22s %8s %12s  %-10s", hold.mode().shown(),
            hold.held() == null ? "no commit" : seconds(hold.held()), rows == null ? "" : rows + " rows",
            hold.rewritten() ? "rewrite" : "no rewrite");
        String name = Shown.line(hold.relation().startsWith("public.") ? hold.relation().substring(7)
            : hold.relation());
        int room = WIDTH - 9 - tail.length();
        relations.add(("         " + String.format("%-" + room + "s", Fit.end(name, room - 1)) + tail).stripTrailing());
      }
      for (ScriptTrace.Statement statement : script.statements()) {
        if (statement.untraced() != null) {
          Fit.wrap("untraced: line " + statement.line() + " '" + Shown.line(statement.text()) + "': "
              + Shown.line(statement.untraced()), WIDTH - 9).forEach(l -> relations.add("         " + l));
        }
      }
      if (trace.locks()) {
        lines.add(Fit.end(head, WIDTH));
        if (relations.isEmpty()) {
          relations.add("         no lock above ROW EXCLUSIVE");
        }
      } else {
        lines.add(Fit.end(head, WIDTH - 10) + " " + seconds(script.statements().stream().map(
            ScriptTrace.Statement::time).reduce(Duration.ZERO, Duration::plus)));
      }
      lines.addAll(relations);
    }
    return lines;
  }

  static String seconds(Duration time) {
    return String.format(Locale.ROOT, "%.2f s", time.toNanos() / 1e9);
  }
}
