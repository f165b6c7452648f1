package dev.rehearsal.steps;

import dev.rehearsal.database.Connector;
import dev.rehearsal.database.Session;
import dev.rehearsal.migrations.Migration;
import dev.rehearsal.migrations.MigrationFailedException;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.ScriptFinding;
import dev.rehearsal.migrations.ScriptLines;
import dev.rehearsal.scenario.Allow;
import dev.rehearsal.scenario.Target;
import dev.rehearsal.schema.DataDiff;
import dev.rehearsal.schema.SchemaDiff;
import dev.rehearsal.schema.SchemaSnapshot;
import dev.rehearsal.schema.Snapshot;
import dev.rehearsal.schema.Snapshots;
import dev.rehearsal.steps.Verdict.Kind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One step of a round-trip's staircase, for one migration: snapshot before, up, snapshot after, down, compare with
 * before, up again, compare with after. Every MyBatis operation starts in a new session (a new connection, or on
 * PostgreSQL one connection reset with {@code DISCARD ALL} before each), so nothing a session keeps can make the
 * rollback look better than it is; the snapshots and changelog reads share one reading connection ({@code reads}), on
 * which no migration ever runs.
 *
 * <p>The snapshot after a migration's re-apply is the next migration's "before" (nothing happens in between), and the
 * data after the first up is read only when the migration has no undo section (nothing else compares it): three
 * snapshots per migration, two of them with data, instead of four. A climb that fails says what it left
 * ({@link State}); {@link RoundtripWalk} brings the database back to where the next climb can start.
 */
final class Staircase {

  static final String PASSED = Kind.PASSED.label();

  /** What a climb left the database as, for the walk to decide how to go on. */
  enum State {
    /** The migration is applied, after its round-trip or its up alone: the next one can climb from here. */
    APPLIED,
    /** The undo failed: if it rolled back, the migration is applied as its up left it. */
    UNDO_FAILED,
    /** The re-apply failed: the migration is rolled back, with whatever the rollback left. */
    REAPPLY_FAILED,
    /** The up failed: the migration is not applied. */
    UP_FAILED
  }

  /**
   * The verdict of one climb.
   *
   * @param rolledBack whether the migration's undo ran and succeeded (what it left stays in the database)
   * @param error the failure of an up, down or re-apply, else null
   * @param line the line of the script the verdict is about; 0 for none
   */
  record Result(Kind kind, Check check, State state, boolean rolledBack, MigrationFailedException error, int line) {}

  private final StepContext context;
  private final Allow allow;
  private final Connector reads;
  private final Migrator migrator;
  /** The database as the last climb left it, when that is known; null when it must be read. */
  private Snapshot next;
  /** The schema after the last climb's first up, for a failed undo to be checked against. */
  private SchemaSnapshot afterUp;

  Staircase(StepContext context, Allow allow, Connector operations, Connector reads) {
    this.context = context;
    this.allow = allow;
    this.reads = reads;
    this.migrator = context.migrator(operations, reads);
  }

  Result climb(Migration migration, List<ScriptFinding> findings) {
    Target.Id target = new Target.Id(migration.id());
    Snapshot known = next;
    next = null;
    afterUp = null;
    if (allow.isIrreversible(migration.id())) {
      MigrationFailedException up = firstUp(migration);
      return up != null ? upFailed(migration, up) : new Result(Kind.IRREVERSIBLE_ALLOWED,
          Check.passed(name(migration), PASSED, Kind.IRREVERSIBLE_ALLOWED.label()), State.APPLIED, false, null, 0);
    }
    Snapshot before = known != null ? known : take("before");
    MigrationFailedException up = firstUp(migration);
    if (up != null) {
      return upFailed(migration, up);
    }
    List<ScriptFinding> noUndo = findings.stream().filter(ScriptFinding::noUndo).toList();
    if (!noUndo.isEmpty()) {
      // Not rolled back: MyBatis would delete the changelog row and leave everything else as it is now.
      Snapshot after = take("after");
      next = after;
      String left = differences(SchemaDiff.between(before.schema(), after.schema(), "before", "after rollback"),
          dataDiff(before, after));
      String diff = String.join("\n", noUndo.stream().map(this::render).toList())
          + (left.isEmpty() ? "" : "\n\nA rollback would leave:\n" + left);
      return new Result(Kind.NO_UNDO, failed(migration, Kind.NO_UNDO.label(), diff), State.APPLIED, false, null,
          noUndo.get(0).line());
    }
    SchemaSnapshot after = schema();
    afterUp = after;
    try {
      migrator.rollback(new Target.StepsBack(1));
    } catch (MigrationFailedException e) {
      return new Result(Kind.DOWN_FAILS, failed(migration, Kind.DOWN_FAILS.label(), e.getMessage()),
          State.UNDO_FAILED, false, e, marker(migration));
    }
    Snapshot rolled = take("after rollback");
    SchemaDiff trace = SchemaDiff.between(before.schema(), rolled.schema(), "before", "after rollback");
    DataDiff lost = dataDiff(before, rolled);
    try {
      migrator.apply(target);
    } catch (MigrationFailedException e) {
      String left = differences(trace, lost);
      return new Result(Kind.REAPPLY_FAILS, failed(migration, Kind.REAPPLY_FAILS.label(), e.getMessage()
          + (left.isEmpty() ? "" : "\n\nThe rollback left:\n" + left)), State.REAPPLY_FAILED, true, e,
          ScriptLines.statement(context.repository(), migration, false, e.statement()));
    }
    Snapshot again = take("after re-apply");
    next = again;
    return compare(migration, after, again.schema(), trace, lost);
  }

  /** Applies a migration without a round-trip; the failure when its up fails, else null. */
  MigrationFailedException applyOnly(Migration migration) {
    next = null;
    afterUp = null;
    return firstUp(migration);
  }

  /**
   * Whether the migration whose undo just failed is still applied exactly as its up left it: the changelog ends at
   * it and the schema is the one read after the up. True on engines whose failed undo rolls back in one transaction.
   */
  boolean asTheUpLeftIt(Migration migration) {
    BigDecimal version = migrator.version();
    return afterUp != null && version != null && version.compareTo(migration.id()) == 0
        && SchemaDiff.between(afterUp, schema(), "after the up", "after the failed undo").isEmpty();
  }

  /** The database was replaced behind the staircase's back: what it knew about it no longer holds. */
  void forget() {
    next = null;
    afterUp = null;
  }

  private Result compare(Migration migration, SchemaSnapshot after, SchemaSnapshot again, SchemaDiff trace,
      DataDiff lost) {
    if (!trace.isEmpty()) {
      String data = lost.isEmpty() ? "" : "\n\n" + lost.render();
      return rolledBack(migration, Kind.TRACE, failed(migration, Kind.TRACE.label(), trace.render() + data));
    }
    DataDiff undeclared = lost.without(allow.lossy());
    if (!undeclared.isEmpty()) {
      String columns = undeclared.columns().isEmpty() ? "" : ": " + String.join(", ", undeclared.columns());
      return rolledBack(migration, Kind.LOSSY, failed(migration, Kind.LOSSY.label() + columns, undeclared.render()));
    }
    SchemaDiff differs = SchemaDiff.between(after, again, "after the first up", "after re-apply");
    if (!differs.isEmpty()) {
      return rolledBack(migration, Kind.REAPPLY_DIFFERS, failed(migration, Kind.REAPPLY_DIFFERS.label(),
          differs.render()));
    }
    if (!lost.isEmpty()) {
      return new Result(Kind.LOSSY_ALLOWED, new Check(name(migration), true, PASSED, Kind.LOSSY_ALLOWED.label()
          + ": " + String.join(", ", lost.columns()), lost.render()), State.APPLIED, true, null, 0);
    }
    return new Result(Kind.PASSED, Check.passed(name(migration), PASSED, PASSED), State.APPLIED, true, null, 0);
  }

  private Result rolledBack(Migration migration, Kind kind, Check check) {
    return new Result(kind, check, State.APPLIED, true, null, marker(migration));
  }

  private Result upFailed(Migration migration, MigrationFailedException e) {
    return new Result(Kind.UP_FAILS, failed(migration, Kind.UP_FAILS.label(), e.getMessage()), State.UP_FAILED,
        false, e, ScriptLines.statement(context.repository(), migration, false, e.statement()));
  }

  /**
   * The migration's first up, which is what a deploy would run: its time goes to the recovery clock when it
   * succeeds; its failure, or null.
   */
  private MigrationFailedException firstUp(Migration migration) {
    long t0 = System.nanoTime();
    MigrationFailedException failed = up(migration);
    if (failed == null) {
      context.clock().roundtripUp(migration, java.time.Duration.ofNanos(System.nanoTime() - t0));
    }
    return failed;
  }

  /** Applies the migration; its failure, or null. */
  private MigrationFailedException up(Migration migration) {
    try {
      migrator.apply(new Target.Id(migration.id()));
      return null;
    } catch (MigrationFailedException e) {
      return e;
    }
  }

  private int marker(Migration migration) {
    return ScriptLines.undoMarker(context.repository(), migration);
  }

  static String name(Migration migration) {
    return "roundtrip " + migration.fileName();
  }

  static Check failed(Migration migration, String verdict, String diff) {
    return Check.failed(name(migration), PASSED, verdict, Objects.requireNonNullElse(diff, ""));
  }

  private Snapshot take(String label) {
    String changelog = context.repository().changelogTable();
    try (Session session = context.session(reads)) {
      return Snapshots.take(session, changelog, label, null, List.of());
    }
  }

  private SchemaSnapshot schema() {
    try (Session session = context.session(reads)) {
      return Snapshots.schema(session, context.repository().changelogTable());
    }
  }

  /** The data of the tables that existed before, compared. */
  private static DataDiff dataDiff(Snapshot before, Snapshot now) {
    if (before.data().tables().isEmpty()) {
      return new DataDiff(List.of());
    }
    return DataDiff.between(before.data(), now.data(), before.data().tables().keySet(), "before",
        "after rollback");
  }

  private static String differences(SchemaDiff schema, DataDiff data) {
    String text = schema.isEmpty() ? "" : schema.render();
    if (!data.isEmpty()) {
      text += (text.isEmpty() ? "" : "\n\n") + data.render();
    }
    return text;
  }

  private String render(ScriptFinding finding) {
    Path root = context.settings().projectRoot().toAbsolutePath().normalize();
    Path file = finding.migration().file().toAbsolutePath().normalize();
    return finding.render((file.startsWith(root) ? root.relativize(file) : file).toString().replace('\\', '/'));
  }
}
