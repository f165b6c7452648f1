package dev.rehearsal.steps;

import dev.rehearsal.baseline.Baseline;
import dev.rehearsal.baseline.ScriptHash;
import dev.rehearsal.migrations.Migration;
import dev.rehearsal.migrations.MigrationFailedException;
import dev.rehearsal.migrations.ScriptChecks;
import dev.rehearsal.migrations.ScriptLines;
import dev.rehearsal.steps.Staircase.Result;
import dev.rehearsal.steps.Staircase.State;
import dev.rehearsal.steps.Verdict.Kind;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A round-trip over its migrations that does not stop at the first failure. After a climb that leaves the database
 * unfit for the next one, the database is brought to "this migration applied" by the cheapest correct means: a
 * failed undo that rolled back (the schema is the one read after the up) needs nothing; otherwise the state is
 * rebuilt straight ({@link StraightLine}) and copied in. An up that fails after a round-trip is tried on the
 * straight state: if it applies there, the earlier rollback is to blame, the verdict says so, and the walk goes on
 * from the straight state. Only a migration that cannot be applied at all stops the ones after it, which say why.
 *
 * <p>With a selection that leaves gaps ({@code --changed-since}), the migrations in between are applied straight, and
 * get a verdict only when their up fails.
 */
final class RoundtripWalk {

  private final StepContext context;
  private final Staircase staircase;
  private final StraightLine straight;
  private final Runnable release;
  private final Baseline baseline;
  private final List<Migration> all;
  /** The last migration rolled back on the database since it was last rebuilt straight, or null. */
  private Migration dirty;
  /** Why the walk cannot go on, once it cannot; null until then. */
  private String stopped;

  /**
   * @param all every migration of the repository, in order
   * @param release closes the step's connections to its database, before a rebuilt state is copied in
   */
  RoundtripWalk(StepContext context, Staircase staircase, StraightLine straight, Runnable release,
      List<Migration> all) {
    this.context = context;
    this.staircase = staircase;
    this.straight = straight;
    this.release = release;
    this.baseline = context.settings().baseline();
    this.all = all;
  }

  /** The verdict of every migration of {@code selected} (in repository order), published as each is known. */
  List<Verdict> walk(List<Migration> selected) {
    Set<BigDecimal> ids = new TreeSet<>(selected.stream().map(Migration::id).toList());
    int total = selected.size();
    int index = 0;
    List<Verdict> verdicts = new ArrayList<>();
    int last = all.indexOf(selected.get(total - 1));
    for (int i = all.indexOf(selected.get(0)); i <= last; i++) {
      Migration migration = all.get(i);
      boolean checked = ids.contains(migration.id());
      index += checked ? 1 : 0;
      long t0 = System.nanoTime();
      Result result;
      if (stopped != null) {
        if (!checked) {
          continue;
        }
        result = new Result(Kind.NOT_CHECKED, Staircase.failed(migration, Kind.NOT_CHECKED.label(), "not checked: "
            + stopped), State.UP_FAILED, false, null, 0);
      } else if (checked) {
        result = recover(i, staircase.climb(migration, ScriptChecks.check(context.repository(), migration)));
      } else {
        MigrationFailedException up = staircase.applyOnly(migration);
        if (up == null) {
          continue;
        }
        result = recover(i, new Result(Kind.UP_FAILS, Staircase.failed(migration, Kind.UP_FAILS.label(),
            up.getMessage()), State.UP_FAILED, false, up, ScriptLines.statement(context.repository(), migration,
            false, up.statement())));
      }
      Verdict verdict = verdict(checked ? index : 0, total, migration, result, Duration.ofNanos(System.nanoTime()
          - t0));
      verdicts.add(verdict);
      context.progress().checked(verdict);
    }
    return verdicts;
  }

  /** Brings the database to "migration {@code i} applied" after its climb, or records why the walk must stop. */
  private Result recover(int i, Result result) {
    Migration migration = all.get(i);
    switch (result.state()) {
      case APPLIED -> dirty = result.rolledBack() ? migration : dirty;
      case UNDO_FAILED -> {
        if (!staircase.asTheUpLeftIt(migration)) {
          rebuild(migration);
        }
      }
      case REAPPLY_FAILED -> rebuild(migration);
      case UP_FAILED -> {
        return upFailed(i, result);
      }
      default -> throw new IllegalStateException(result.state().toString());
    }
    return result;
  }

  /** An up that fails: the earlier rollback's fault if it applies on the straight state, else the end of the walk. */
  private Result upFailed(int i, Result result) {
    Migration migration = all.get(i);
    if (dirty == null) {
      stopped = migration.fileName() + " cannot be applied (" + Kind.UP_FAILS.label() + "), so no migration after "
          + "it can be";
      return result;
    }
    Migration previous = all.get(i - 1);
    try {
      straight.advanceTo(previous.id());
      straight.advanceTo(migration.id());
    } catch (MigrationFailedException e) {
      stopped = migration.fileName() + " cannot be applied, not even on a database migrated straight to "
          + previous.fileName() + ", so no migration after it can be";
      return new Result(result.kind(), Staircase.failed(migration, result.check().actual(), result.check().diff()
          + "\n\nIt fails on a database migrated straight to " + previous.fileName() + " as well: "
          + e.getMessage()), result.state(), false, result.error(), result.line());
    } catch (StraightLine.Unavailable e) {
      stopped = e.getMessage();
      return result;
    }
    Migration blamed = dirty;
    copy();
    String verdict = "up fails after the round-trip of " + blamed.id().toPlainString();
    return new Result(Kind.UP_FAILS_AFTER_ROUNDTRIP, Staircase.failed(migration, verdict, result.check().diff()
        + "\n\nOn a database migrated straight to " + previous.fileName() + " it applies: the rollback of "
        + blamed.fileName() + " left the database so that this up fails. The round-trip goes on from the straight "
        + "state."), State.APPLIED, false, result.error(), result.line());
  }

  /** Rebuilds "migration applied" straight and copies it in; when that fails, the walk stops. */
  private void rebuild(Migration migration) {
    try {
      straight.advanceTo(migration.id());
      copy();
    } catch (MigrationFailedException e) {
      stopped = migration.fileName() + " cannot be applied on a database migrated straight to the migration "
          + "before it, so the round-trip cannot go on: " + e.getMessage().lines().findFirst().orElse("");
    } catch (StraightLine.Unavailable e) {
      stopped = e.getMessage();
    }
  }

  private void copy() {
    straight.copyInto(release);
    staircase.forget();
    dirty = null;
  }

  /** The verdict as reported: judged against the baseline, and published. */
  private Verdict verdict(int index, int total, Migration migration, Result result, Duration time) {
    String hash = ScriptHash.of(migration.file());
    Check check = result.check();
    Baseline.Judgement judgement = baseline.judge(context.database().name(), migration.fileName(), check.actual(),
        check.passed(), hash);
    if (!check.passed() && judgement.accepts()) {
      check = new Check(check.name(), true, check.expected(), check.actual(), check.diff());
    } else if (!check.passed() && judgement.change() != null) {
      check = new Check(check.name(), false, check.expected(), check.actual(), judgement.change()
          + (check.diff().isEmpty() ? "" : "\n\n" + check.diff()));
    }
    return new Verdict(index, total, migration, result.kind(), check, judgement.status(), hash, result.line(), time);
  }
}
