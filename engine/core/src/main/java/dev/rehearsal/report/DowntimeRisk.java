package dev.rehearsal.report;

import dev.rehearsal.scenario.LockMode;
import java.util.Locale;
import java.util.Map;

/**
 * The Markdown summary's "Downtime risk" table: for every traced script of the run, each relation that took a lock
 * stronger than ROW EXCLUSIVE (writes, or reads too, wait behind it), how long, on how many rows, and whether it
 * was rewritten — the pull request's reviewer sees what production would wait for.
 */
final class DowntimeRisk {

  private DowntimeRisk() {}

  static void append(StringBuilder md, RunSummary run, Map<String, ScenarioSummary> details) {
    boolean first = true;
    for (RunSummary.Entry entry : run.scenarios()) {
      ScenarioSummary summary = details.get(entry.summary());
      if (summary == null) {
        continue;
      }
      for (ScenarioSummary.StepSummary step : summary.steps()) {
        if (step.trace() == null) {
          continue;
        }
        for (TraceSummary.Script script : step.trace().scripts()) {
          for (TraceSummary.Relation relation : script.relations()) {
            LockMode mode = LockMode.parse(relation.mode()).orElseThrow();
            if (!mode.strongerThan(LockMode.ROW_EXCLUSIVE)) {
              continue;
            }
            if (first) {
              md.append("\n### Downtime risk\n\nLocks that block writes (or reads too) in traced steps, held until "
                  + "each script's commit; see docs/locks.md.\n\n| scenario | database | script | relation | lock "
                  + "| blocks | held | rows | rewrite |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
              first = false;
            }
            md.append("| ").append(MarkdownReport.code(entry.scenario())).append(" | ")
                .append(MarkdownReport.cell(entry.database())).append(" | ")
                .append(MarkdownReport.code(script.script())).append(' ').append(script.direction()).append(" | ")
                .append(MarkdownReport.code(relation.relation())).append(" | ").append(mode.shown()).append(" | ")
                .append(blocks(mode)).append(" | ").append(held(relation.heldMs())).append(" | ")
                .append(relation.rows() == null ? "" : String.format(Locale.ROOT, "%,d", relation.rows()))
                .append(" | ").append(relation.rewritten() ? "⚠️ yes" : "no").append(" |\n");
          }
        }
      }
    }
  }

  private static String blocks(LockMode mode) {
    return mode == LockMode.SHARE_UPDATE_EXCLUSIVE ? "schema changes, VACUUM"
        : mode.compareTo(LockMode.EXCLUSIVE) <= 0 ? "writes" : "reads and writes";
  }

  private static String held(Double millis) {
    return millis == null ? "no commit" : millis < 1000 ? String.format(Locale.ROOT, "%.1f ms", millis)
        : String.format(Locale.ROOT, "%.2f s", millis / 1000);
  }
}
