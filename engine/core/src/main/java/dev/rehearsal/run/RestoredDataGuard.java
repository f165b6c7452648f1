package dev.rehearsal.run;

import dev.rehearsal.database.Database;
import dev.rehearsal.scenario.ExpectStep;
import dev.rehearsal.scenario.RestoreFileStep;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.steps.Check;
import dev.rehearsal.steps.Verdict;
import java.util.List;

/**
 * Keeps the rows of a restored backup (a copy of production, in a drill) out of every report of a scenario run that
 * restores one: what the database and its tools say goes through {@link Database#withoutRowValues} before any
 * listener hears it. The checks of {@code expect} steps are what the operator wrote to be shown, and are left as
 * they are ({@code query: {rows: ...}} shows rows on purpose).
 */
final class RestoredDataGuard {

  private RestoredDataGuard() {}

  /** Whether the scenario restores a backup file Rehearsal did not write. */
  static boolean applies(Scenario scenario) {
    return scenario.steps().stream().anyMatch(s -> s instanceof RestoreFileStep);
  }

  static StepResult guard(StepResult result, Database database) {
    List<Check> checks = result.step() instanceof ExpectStep ? result.checks()
        : result.checks().stream().map(c -> guard(c, database)).toList();
    return new StepResult(result.index(), result.step(), result.status(), checks,
        database.withoutRowValues(result.detail()), database.withoutRowValues(result.error()), result.time(),
        result.verdicts().stream().map(v -> guard(v, database)).toList(), result.trace());
  }

  static Verdict guard(Verdict verdict, Database database) {
    return new Verdict(verdict.index(), verdict.total(), verdict.migration(), verdict.kind(),
        guard(verdict.check(), database), verdict.baseline(), verdict.sha256(), verdict.line(), verdict.time());
  }

  private static Check guard(Check check, Database database) {
    return new Check(check.name(), check.passed(), check.expected(), database.withoutRowValues(check.actual()),
        database.withoutRowValues(check.diff()));
  }
}
