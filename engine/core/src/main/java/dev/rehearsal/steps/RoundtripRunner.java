package dev.rehearsal.steps;

import dev.rehearsal.database.ReusedConnection;
import dev.rehearsal.migrations.Migration;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.Outcome;
import dev.rehearsal.migrations.ScriptChecks;
import dev.rehearsal.scenario.RoundtripStep;
import dev.rehearsal.scenario.RoundtripStep.Range;
import dev.rehearsal.scenario.Target;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code roundtrip}: every migration of the range, in order, goes up, down and up again on the scenario's database,
 * and gets its own verdict (one check each). A migration that fails does not stop the others, unless it leaves the
 * database unfit for them (its down or its re-apply failed): the rest are then reported as not checked.
 */
final class RoundtripRunner implements StepRunner<RoundtripStep> {

  @Override
  public String keyword() {
    return RoundtripStep.KEYWORD;
  }

  @Override
  public Class<RoundtripStep> stepType() {
    return RoundtripStep.class;
  }

  @Override
  public StepOutcome run(RoundtripStep step, StepContext context) {
    return Budget.timed(step.describe(), step.within(), () -> roundtrip(step, context));
  }

  private StepOutcome roundtrip(RoundtripStep step, StepContext context) {
    // Hundreds of snapshots and changelog reads share one connection; the migrations get a session of their own
    // each (one connection reset before each where the engine can).
    try (ReusedConnection reads = context.reusedConnection();
        ReusedConnection operations = context.operationsConnection()) {
      return roundtrip(step, context, operations, reads);
    }
  }

  private StepOutcome roundtrip(RoundtripStep step, StepContext context, ReusedConnection operations,
      ReusedConnection reads) {
    Migrator migrator = context.migrator(operations, reads);
    List<Migration> all = context.repository().migrations();
    List<Migration> range = select(step.range(), all, migrator);
    if (range.isEmpty()) {
      return StepOutcome.done("nothing to round-trip: no migration is pending at version "
          + Outcome.show(migrator.version()));
    }
    prepare(step, range.get(0), all, migrator);
    Staircase staircase = new Staircase(context, step.allow(), operations, reads);
    List<Check> checks = new ArrayList<>();
    for (int i = 0; i < range.size(); i++) {
      Migration migration = range.get(i);
      Staircase.Result result = staircase.climb(migration, ScriptChecks.check(context.repository(), migration));
      checks.add(result.check());
      if (result.stops()) {
        range.subList(i + 1, range.size()).forEach(rest -> checks.add(Check.failed(Staircase.name(rest),
            Staircase.PASSED, Staircase.NOT_CHECKED, "not checked: the round-trip stopped at "
                + migration.fileName() + " (" + result.check().actual() + ")")));
        break;
      }
    }
    return new StepOutcome(checks, summary(checks));
  }

  private static List<Migration> select(Range range, List<Migration> all, Migrator migrator) {
    if (range instanceof Range.Last last) {
      return all.subList(all.size() - Math.min(last.count(), all.size()), all.size());
    }
    if (range instanceof Range.Between between) {
      return all.stream().filter(m -> m.id().compareTo(between.from()) >= 0 && m.id().compareTo(between.to()) <= 0)
          .toList();
    }
    return migrator.pending();
  }

  /** Brings the database to the migration just before the range; refuses when it is already past its start. */
  private static void prepare(RoundtripStep step, Migration first, List<Migration> all, Migrator migrator) {
    BigDecimal version = migrator.version();
    if (version != null && version.compareTo(first.id()) >= 0) {
      throw new StepFailure(step.describe() + " starts at " + first.fileName() + ", but the database is already at "
          + "version " + version.toPlainString() + " — a round-trip applies each migration of its range itself: "
          + "put it before the step that applies " + first.id().toPlainString() + ", or roll back first");
    }
    int index = all.indexOf(first);
    if (index > 0) {
      BigDecimal previous = all.get(index - 1).id();
      if (version == null || version.compareTo(previous) < 0) {
        migrator.apply(new Target.Id(previous));
      }
    }
  }

  private static String summary(List<Check> checks) {
    long notChecked = checks.stream().filter(c -> c.actual().equals(Staircase.NOT_CHECKED)).count();
    long failed = checks.stream().filter(c -> !c.passed()).count() - notChecked;
    long allowed = checks.stream().filter(c -> c.passed() && !c.actual().equals(Staircase.PASSED)).count();
    long passed = checks.size() - failed - notChecked - allowed;
    List<String> parts = new ArrayList<>();
    parts.add(passed + " passed");
    if (allowed > 0) {
      parts.add(allowed + " allowed");
    }
    if (failed > 0) {
      parts.add(failed + " failed");
    }
    if (notChecked > 0) {
      parts.add(notChecked + " not checked");
    }
    return "round-trip of " + checks.size() + (checks.size() == 1 ? " migration: " : " migrations: ")
        + String.join(", ", parts);
  }
}
