package dev.rehearsal.report;

import dev.rehearsal.text.Shown;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a run as Markdown for a pull request page or a CI job summary: a headline with the counts, a table of
 * scenario × database with status and time, then each failed check with expected, actual and diff (and each
 * error) in a fenced block.
 */
final class MarkdownReport {

  /** Characters that start Markdown of their own in a cell: escaped in text from input. */
  private static final String MARKDOWN = "|[]!*_`~";

  private MarkdownReport() {}

  /**
   * @param details the scenario summaries of the run, by the {@code summary} name of their entry; entries without
   *     one are listed in the table only
   */
  static String render(RunSummary run, Map<String, ScenarioSummary> details) {
    StringBuilder md = new StringBuilder();
    RunSummary.Counts counts = run.counts();
    md.append("## ").append(run.passed() ? "✅" : "❌").append(" Rehearsal: ")
        .append(counts.passed()).append(" passed, ").append(counts.failed()).append(" failed, ")
        .append(counts.error()).append(" error")
        .append(counts.interrupted() > 0 ? ", " + counts.interrupted() + " interrupted" : "").append("\n\n")
        .append(run.total()).append(run.total() == 1 ? " scenario run" : " scenario runs").append(" in ")
        .append(time(run.timeMs())).append(", run ").append(code(run.runId())).append(".\n\n");
    if (!run.scenarios().isEmpty()) {
      md.append("| scenario | database | status | time |\n| --- | --- | --- | --- |\n");
      for (RunSummary.Entry entry : run.scenarios()) {
        md.append("| ").append(code(entry.scenario())).append(' ').append(cell(entry.name())).append(" | ")
            .append(cell(entry.database())).append(" | ").append(status(entry.status())).append(" | ")
            .append(time(entry.timeMs())).append(" |\n");
      }
    }
    recoveries(md, run, details);
    DowntimeRisk.append(md, run, details);
    for (RunSummary.Entry entry : run.scenarios()) {
      if (!entry.status().equals("passed")) {
        problems(md, entry, Optional.ofNullable(details.get(entry.summary())));
      }
    }
    return md.toString();
  }

  /** The recovery drill table: one row per scenario run that restored a backup file or has an objective. */
  private static void recoveries(StringBuilder md, RunSummary run, Map<String, ScenarioSummary> details) {
    boolean first = true;
    for (RunSummary.Entry entry : run.scenarios()) {
      ScenarioSummary summary = details.get(entry.summary());
      if (summary == null || summary.recovery() == null) {
        continue;
      }
      if (first) {
        md.append("\n### Recovery drill\n\n| scenario | database | backup | restore | migrate | rollback | total "
            + "| objective |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        first = false;
      }
      ScenarioSummary.RecoverySummary recovery = summary.recovery();
      ScenarioSummary.BackupFile backup = recovery.backup();
      String objective = recovery.objectiveMs() == null ? "none"
          : dev.rehearsal.steps.Recovery.show(java.time.Duration.ofMillis(recovery.objectiveMs()))
          + (Boolean.TRUE.equals(recovery.withinObjective()) ? ": ✅ met" : ": ❌ exceeded during "
              + dev.rehearsal.steps.Recovery.during(recovery.exceededIn()));
      md.append("| ").append(code(entry.scenario())).append(" | ").append(cell(entry.database())).append(" | ")
          .append(backup == null ? "" : code(backup.file()) + " (" + cell(backup.verification()) + ", version "
              + cell(backup.version()) + ")").append(" | ").append(optional(recovery.restoreMs())).append(" | ")
          .append(time(recovery.migrateMs())).append(" | ").append(optional(recovery.rollbackMs())).append(" | ")
          .append(time(recovery.totalMs())).append(" | ").append(objective).append(" |\n");
    }
  }

  private static String optional(Long millis) {
    return millis == null ? "" : time(millis);
  }

  private static void problems(StringBuilder md, RunSummary.Entry entry, Optional<ScenarioSummary> summary) {
    String where = code(entry.scenario()) + " on " + cell(entry.database());
    if (summary.isEmpty()) {
      md.append("\n### ").append(status(entry.status())).append(": ").append(where).append("\n\n")
          .append("Its summary ").append(code(entry.summary())).append(" was not found next to the run summary (or a "
              + "later run in the same directory has replaced it).\n");
      return;
    }
    for (ScenarioSummary.FailedCheck check : summary.get().failedChecks()) {
      md.append("\n### ❌ ").append(where).append(", step ").append(check.step()).append(" (line ")
          .append(check.line()).append("): ").append(cell(check.check())).append("\n\n");
      StringBuilder text = new StringBuilder("expected: ").append(check.expected()).append("\nactual:   ")
          .append(check.actual());
      if (!check.diff().isEmpty()) {
        text.append("\n\n").append(check.diff());
      }
      fenced(md, text.toString());
    }
    ScenarioSummary.StepError error = summary.get().error();
    if (error != null) {
      md.append("\n### 💥 ").append(where).append(error.step() == 0 ? ", could not start"
          : ", step " + error.step() + " (line " + error.line() + ")").append("\n\n");
      fenced(md, error.message());
    }
  }

  /** A fenced block longer than any run of backticks inside, so nothing in the text can close it. */
  private static void fenced(StringBuilder md, String text) {
    int longest = 0;
    int run = 0;
    for (char c : text.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    md.append(fence).append('\n').append(Shown.lines(text.stripTrailing())).append('\n').append(fence).append('\n');
  }

  private static String status(String status) {
    return switch (status) {
      case "passed" -> "✅ passed";
      case "failed" -> "❌ failed";
      case "interrupted" -> "⏹ interrupted";
      default -> "💥 " + status;
    };
  }

  /** A code span: one line, control characters escaped; HTML means nothing inside it. */
  static String code(String text) {
    return "`" + Shown.line(text.replace("`", "'")).replace("|", "\\|") + "`";
  }

  /**
   * Text for a table cell or a heading: one line, HTML and control characters escaped, and the Markdown that could
   * make it more than text (an image {@code ![](url)} that loads on its own, a link, emphasis, code, a pipe that ends
   * the cell) escaped with a backslash.
   */
  static String cell(String text) {
    String shown = Shown.html(text.replaceAll("\\s*\\R\\s*", " ")).replace("\\", "\\\\");
    StringBuilder out = new StringBuilder(shown.length() + 8);
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (MARKDOWN.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String time(long millis) {
    return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
