package dev.rehearsal.steps;

import dev.rehearsal.baseline.Baseline;
import dev.rehearsal.database.ReusedConnection;
import dev.rehearsal.database.Session;
import dev.rehearsal.migrations.Migration;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.Outcome;
import dev.rehearsal.scenario.RoundtripStep;
import dev.rehearsal.scenario.RoundtripStep.Range;
import dev.rehearsal.scenario.Target;
import dev.rehearsal.schema.Snapshots;
import dev.rehearsal.steps.Verdict.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code roundtrip}: every migration of the range, in order, goes up, down and up again on the scenario's database,
 * and gets its own verdict (one check each). A migration that fails does not stop the others: the database is
 * brought back to where the next one can start ({@link RoundtripWalk}); only a migration that cannot be applied at
 * all leaves the ones after it not checked.
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
    return Traces.throughContext(step, step.trace(), context, () -> roundtripUntraced(step, context));
  }

  private StepOutcome roundtripUntraced(RoundtripStep step, StepContext context) {
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
      return StepOutcome.done(step.range() instanceof Range.Changed changed ? "nothing to round-trip: no migration "
          + "changed " + changed.since() : "nothing to round-trip: no migration is pending at version "
          + Outcome.show(migrator.version()));
    }
    boolean empty = migrator.changelog().isEmpty() && isEmpty(context, reads);
    prepare(step, range.get(0), all, migrator, context.clock());
    context.progress().started(range);
    try (StraightLine straight = StraightLine.from(context, empty)) {
      Staircase staircase = new Staircase(context, step.allow(), operations, reads);
      List<Verdict> verdicts = new RoundtripWalk(context, staircase, straight, () -> {
        operations.close();
        reads.close();
      }, all).walk(range);
      return StepOutcome.verdicts(verdicts, summary(verdicts));
    }
  }

  private static boolean isEmpty(StepContext context, ReusedConnection reads) {
    try (Session session = context.session(reads)) {
      return Snapshots.schema(session, context.repository().changelogTable()).facts().isEmpty();
    }
  }

  private static List<Migration> select(Range range, List<Migration> all, Migrator migrator) {
    if (range instanceof Range.Last last) {
      return all.subList(all.size() - Math.min(last.count(), all.size()), all.size());
    }
    if (range instanceof Range.Between between) {
      return all.stream().filter(m -> m.id().compareTo(between.from()) >= 0 && m.id().compareTo(between.to()) <= 0)
          .toList();
    }
    if (range instanceof Range.Changed changed) {
      return all.stream().filter(m -> changed.ids().contains(m.id())).toList();
    }
    return migrator.pending();
  }

  /** Brings the database to the migration just before the range; refuses when it is already past its start. */
  private static void prepare(RoundtripStep step, Migration first, List<Migration> all, Migrator migrator,
      RecoveryClock clock) {
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
        migrator.timing((id, time) -> all.stream().filter(m -> m.id().compareTo(id) == 0).findFirst()
            .ifPresent(m -> clock.roundtripUp(m, time))).apply(new Target.Id(previous));
      }
    }
  }

  /**
   * {@code round-trip of 3 migrations: 1 passed, 1 allowed, 1 failed}: passed, allowed, accepted, recorded, failed,
   * not checked.
   */
  static String summary(List<Verdict> verdicts) {
    long passed = 0;
    long allowed = 0;
    long accepted = 0;
    long recorded = 0;
    long failed = 0;
    long notChecked = 0;
    for (Verdict verdict : verdicts) {
      if (verdict.kind() == Kind.PASSED) {
        passed++;
      } else if (verdict.kind().passes()) {
        allowed++;
      } else if (verdict.baseline() == Baseline.Status.ACCEPTED) {
        accepted++;
      } else if (verdict.baseline() == Baseline.Status.RECORDED) {
        recorded++;
      } else if (verdict.kind() == Kind.NOT_CHECKED) {
        notChecked++;
      } else {
        failed++;
      }
    }
    List<String> parts = new ArrayList<>();
    parts.add(passed + " passed");
    add(parts, allowed, "allowed");
    add(parts, accepted, "accepted (baseline)");
    add(parts, recorded, "recorded in the baseline");
    add(parts, failed, "failed");
    add(parts, notChecked, "not checked");
    return "round-trip of " + verdicts.size() + (verdicts.size() == 1 ? " migration: " : " migrations: ")
        + String.join(", ", parts);
  }

  private static void add(List<String> parts, long count, String what) {
    if (count > 0) {
      parts.add(count + " " + what);
    }
  }
}
