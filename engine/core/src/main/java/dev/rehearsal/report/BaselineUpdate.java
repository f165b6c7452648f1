package dev.rehearsal.report;

import dev.rehearsal.baseline.Baseline;
import dev.rehearsal.baseline.BaselineEntry;
import dev.rehearsal.run.RunResult;
import dev.rehearsal.run.ScenarioResult;
import dev.rehearsal.run.StepResult;
import dev.rehearsal.scenario.SourcePosition;
import dev.rehearsal.steps.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The baseline a {@code rehearse roundtrip --update-baseline} run records: today's verdict of every migration it
 * round-tripped on every database it ran on; the entries of other databases and migrations kept as they were, those
 * of scripts that no longer exist removed. An entry whose verdict and script did not change keeps its reason, so the
 * file changes only where something did.
 *
 * @param baseline what to write
 * @param entries how many entries the databases of the run now have
 * @param added entries for migrations the baseline did not have
 * @param changed entries whose verdict or script changed
 * @param removed stale entries removed
 */
public record BaselineUpdate(Baseline baseline, int entries, int added, int changed, int removed) {

  /** Reasons longer than this are cut: the JSON summary and the terminal have the whole diff. */
  private static final int REASON_LENGTH = 200;

  /**
   * @param shown the baseline file as messages name it
   * @param files the file name of every migration of the repository
   */
  public static BaselineUpdate of(Baseline previous, RunResult result, Set<String> files, String shown) {
    Map<String, Map<String, BaselineEntry>> databases = new TreeMap<>();
    int removed = 0;
    for (Map.Entry<String, ? extends Map<String, BaselineEntry>> database : previous.databases().entrySet()) {
      Map<String, BaselineEntry> kept = new LinkedHashMap<>();
      for (Map.Entry<String, BaselineEntry> entry : database.getValue().entrySet()) {
        if (files.contains(entry.getKey())) {
          kept.put(entry.getKey(), entry.getValue());
        } else {
          removed++;
        }
      }
      databases.put(database.getKey(), kept);
    }
    int added = 0;
    int changed = 0;
    int entries = 0;
    SourcePosition at = SourcePosition.startOf(shown);
    for (ScenarioResult scenario : result.scenarios()) {
      String database = scenario.run().database().name();
      Map<String, BaselineEntry> entriesOf = databases.computeIfAbsent(database, d -> new LinkedHashMap<>());
      for (StepResult step : scenario.steps()) {
        for (Verdict verdict : step.verdicts()) {
          String file = verdict.migration().fileName();
          BaselineEntry old = entriesOf.get(file);
          boolean same = old != null && old.verdict().equals(verdict.text()) && old.sha256().equals(verdict.sha256());
          added += old == null ? 1 : 0;
          changed += old != null && !same ? 1 : 0;
          entriesOf.put(file, same ? old : new BaselineEntry(verdict.text(), verdict.sha256(), reason(verdict), at));
        }
      }
      entries += entriesOf.size();
    }
    return new BaselineUpdate(new Baseline(shown, databases), entries, added, changed, removed);
  }

  /** The first line of what explains a failing verdict; empty for a passing one. */
  private static String reason(Verdict verdict) {
    if (verdict.kind().passes()) {
      return "";
    }
    String first = verdict.check().diff().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
        .orElse(verdict.text());
    return first.length() > REASON_LENGTH ? first.substring(0, REASON_LENGTH - 3) + "..." : first;
  }

  /** {@code 527 entries: 3 new, 2 changed, 1 stale entry removed}. */
  public String describe() {
    return entries + (entries == 1 ? " entry" : " entries") + ": " + added + " new, " + changed + " changed, "
        + removed + (removed == 1 ? " stale entry" : " stale entries") + " removed";
  }
}
