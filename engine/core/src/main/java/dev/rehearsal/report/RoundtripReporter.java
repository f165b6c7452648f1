package dev.rehearsal.report;

import dev.rehearsal.migrations.Migration;
import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.ScenarioResult;
import dev.rehearsal.run.ScenarioRun;
import dev.rehearsal.run.StepResult;
import dev.rehearsal.steps.Verdict;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdict of every migration of a round-trip, one line each as soon as it is known, then the counts per verdict.
 * Script names are shortened in the middle and verdicts aligned so that every line fits the width; on a terminal,
 * the live line shows how many migrations are done, the time so far and an estimate of the time left.
 *
 * <pre>
 * Round-trips on sqlite: 3 migrations
 *   20240601000000_create_accounts.sql            passed
 *   20240602000000_require_account_nicknames.sql  no undo section
 * </pre>
 */
public final class RoundtripReporter implements RunListener {

  /**
   * Columns kept for the verdict when script names are long (fewer on a narrow terminal); a longer verdict goes on
   * on the next line, in the same column.
   */
  private static final int VERDICT_COLUMNS = 28;

  private final LiveLine line;
  private String database;
  private int nameWidth;
  private int total;
  private int done;
  private long t0;

  /** Lines at {@value LiveLine#DEFAULT_WIDTH} columns, no live line. */
  public RoundtripReporter(PrintWriter out) {
    this(new LiveLine(out, false, LiveLine.DEFAULT_WIDTH));
  }

  /** @param line the terminal's live line, shared with the other reporters of the run */
  public RoundtripReporter(LiveLine line) {
    this.line = line;
  }

  @Override
  public void roundtripStarted(ScenarioRun run, List<Migration> migrations) {
    database = run.database().name();
    total = migrations.size();
    done = 0;
    t0 = System.nanoTime();
    int longest = migrations.stream().mapToInt(m -> LiveLine.printable(m.fileName()).length()).max().orElse(0);
    nameWidth = Math.min(longest, line.width() - 4 - Math.min(VERDICT_COLUMNS, (line.width() - 4) * 2 / 5));
    line.println("Round-trips on " + database + ": " + total + (total == 1 ? " migration" : " migrations"));
    line.show(progress());
  }

  @Override
  public void migrationChecked(ScenarioRun run, Verdict verdict) {
    done += verdict.index() > 0 ? 1 : 0;
    String file = LiveLine.printable(verdict.migration().fileName());
    String name = Fit.middle(file, nameWidth, file.indexOf('_') + 1);
    List<String> shown = Fit.wrap(LiveLine.printable(label(verdict)), line.width() - 4 - nameWidth);
    line.println(("  " + name + "  " + shown.get(0)).stripTrailing());
    // A verdict longer than its column goes on under itself, so nothing of it is cut and the column stays aligned.
    shown.subList(1, shown.size()).forEach(more -> line.println(" ".repeat(4 + nameWidth) + more));
    line.show(progress());
  }

  @Override
  public void scenarioFinished(ScenarioResult result) {
    List<Verdict> verdicts = new ArrayList<>();
    for (StepResult step : result.steps()) {
      verdicts.addAll(step.verdicts());
    }
    if (verdicts.isEmpty()) {
      line.clear();
      return;
    }
    wrap(verdicts.size() + (verdicts.size() == 1 ? " migration" : " migrations") + " on "
        + result.run().database().name() + ":", counts(verdicts));
  }

  /** What a verdict line shows: the verdict, or that the baseline accepts it. */
  static String label(Verdict verdict) {
    return verdict.accepted() ? "accepted (baseline)" : verdict.text();
  }

  /** How many migrations got each verdict: the passing ones, those the baseline accepts, then the failures. */
  static Map<String, Long> counts(List<Verdict> verdicts) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Verdict.Kind kind : Verdict.Kind.values()) {
      if (kind.passes()) {
        count(counts, kind.label(), verdicts.stream().filter(v -> v.kind() == kind).count());
      }
    }
    count(counts, "accepted (baseline)", verdicts.stream().filter(Verdict::accepted).count());
    for (Verdict.Kind kind : Verdict.Kind.values()) {
      if (!kind.passes()) {
        count(counts, kind.label(), verdicts.stream().filter(v -> v.kind() == kind && !v.accepted()).count());
      }
    }
    return counts;
  }

  private static void count(Map<String, Long> counts, String label, long count) {
    if (count > 0) {
      counts.put(label, count);
    }
  }

  /** {@code head} then the counts, as many per line as fit. */
  private void wrap(String head, Map<String, Long> counts) {
    StringBuilder current = new StringBuilder(head);
    List<String> parts = new ArrayList<>();
    counts.forEach((label, count) -> parts.add(count + " " + label));
    for (int i = 0; i < parts.size(); i++) {
      String part = " " + parts.get(i) + (i < parts.size() - 1 ? "," : "");
      if (current.length() + part.length() > line.width() && current.length() > 2) {
        line.println(current.toString());
        current = new StringBuilder(" ");
      }
      current.append(part);
    }
    line.println(current.toString());
  }

  private String progress() {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
    String left = done == 0 || done >= total ? ""
        : ", about " + clock(elapsed.multipliedBy(total - done).dividedBy(done)) + " left";
    return done + "/" + total + " on " + database + ", " + clock(elapsed) + " elapsed" + left;
  }

  private static String clock(Duration time) {
    long seconds = time.toSeconds();
    return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
        seconds % 60) : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
