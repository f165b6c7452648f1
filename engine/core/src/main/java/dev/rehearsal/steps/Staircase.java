package dev.rehearsal.steps;

import dev.rehearsal.database.Connector;
import dev.rehearsal.database.Session;
import dev.rehearsal.migrations.Migration;
import dev.rehearsal.migrations.MigrationFailedException;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.ScriptFinding;
import dev.rehearsal.scenario.Allow;
import dev.rehearsal.scenario.Target;
import dev.rehearsal.schema.DataDiff;
import dev.rehearsal.schema.SchemaDiff;
import dev.rehearsal.schema.SchemaSnapshot;
import dev.rehearsal.schema.Snapshot;
import dev.rehearsal.schema.Snapshots;
import java.nio.file.Path;
import java.util.List;

/**
 * One step of a round-trip's staircase, for one migration: snapshot before, up, snapshot after, down, compare with
 * before, up again, compare with after. Every MyBatis operation starts in a new session (a new connection, or on
 * PostgreSQL one connection reset with {@code DISCARD ALL} before each), so nothing a session keeps can make the
 * rollback look better than it is; the snapshots and changelog reads share one reading connection ({@code reads}), on
 * which no migration ever runs.
 *
 * <p>The snapshot after a migration's re-apply is the next migration's "before" (nothing happens in between), and the
 * data after the first up is read only when the migration has no undo section (nothing else compares it): three
 * snapshots per migration, two of them with data, instead of four.
 */
final class Staircase {

  static final String PASSED = "passed";
  static final String TRACE = "rollback leaves trace";
  static final String DOWN_FAILS = "down fails";
  static final String REAPPLY_FAILS = "re-apply fails";
  static final String REAPPLY_DIFFERS = "re-apply differs";
  static final String UP_FAILS = "up fails";
  static final String NO_UNDO = "no undo section";
  static final String LOSSY = "lossy rollback";
  static final String IRREVERSIBLE_ALLOWED = "irreversible (allowed)";
  static final String LOSSY_ALLOWED = "lossy (allowed)";
  static final String NOT_CHECKED = "not checked";

  /** The verdict of one migration; {@code stops} when the database is no longer fit for the next one. */
  record Result(Check check, boolean stops) {}

  private final StepContext context;
  private final Allow allow;
  private final Connector reads;
  private final Migrator migrator;
  /** The database as the last climb left it, when that is known; null when it must be read. */
  private Snapshot next;

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
    if (allow.isIrreversible(migration.id())) {
      Result up = up(migration, target);
      return up != null ? up : new Result(Check.passed(name(migration), PASSED, IRREVERSIBLE_ALLOWED), false);
    }
    Snapshot before = known != null ? known : take("before");
    Result up = up(migration, target);
    if (up != null) {
      return up;
    }
    List<ScriptFinding> noUndo = findings.stream().filter(ScriptFinding::noUndo).toList();
    if (!noUndo.isEmpty()) {
      // Not rolled back: MyBatis would delete the changelog row and leave everything else as it is now.
      Snapshot after = take("after");
      next = after;
      String left = differences(SchemaDiff.between(before.schema(), after.schema(), "before", "after rollback"),
          dataDiff(before, after));
      return failed(migration, NO_UNDO, String.join("\n", noUndo.stream().map(this::render).toList())
          + (left.isEmpty() ? "" : "\n\nA rollback would leave:\n" + left), false);
    }
    SchemaSnapshot after = schema();
    try {
      migrator.rollback(new Target.StepsBack(1));
    } catch (MigrationFailedException e) {
      return failed(migration, DOWN_FAILS, e.getMessage(), true);
    }
    Snapshot rolled = take("after rollback");
    SchemaDiff trace = SchemaDiff.between(before.schema(), rolled.schema(), "before", "after rollback");
    DataDiff lost = dataDiff(before, rolled);
    try {
      migrator.apply(target);
    } catch (MigrationFailedException e) {
      String left = differences(trace, lost);
      return failed(migration, REAPPLY_FAILS, e.getMessage() + (left.isEmpty() ? "" : "\n\nThe rollback left:\n"
          + left), true);
    }
    Snapshot again = take("after re-apply");
    next = again;
    return compare(migration, after, again.schema(), trace, lost);
  }

  private Result compare(Migration migration, SchemaSnapshot after, SchemaSnapshot again, SchemaDiff trace,
      DataDiff lost) {
    if (!trace.isEmpty()) {
      String data = lost.isEmpty() ? "" : "\n\n" + lost.render();
      return failed(migration, TRACE, trace.render() + data, false);
    }
    DataDiff undeclared = lost.without(allow.lossy());
    if (!undeclared.isEmpty()) {
      String columns = undeclared.columns().isEmpty() ? "" : ": " + String.join(", ", undeclared.columns());
      return failed(migration, LOSSY + columns, undeclared.render(), false);
    }
    SchemaDiff differs = SchemaDiff.between(after, again, "after the first up", "after re-apply");
    if (!differs.isEmpty()) {
      return failed(migration, REAPPLY_DIFFERS, differs.render(), false);
    }
    if (!lost.isEmpty()) {
      return new Result(new Check(name(migration), true, PASSED, LOSSY_ALLOWED + ": " + String.join(", ",
          lost.columns()), lost.render()), false);
    }
    return new Result(Check.passed(name(migration), PASSED, PASSED), false);
  }

  /** Applies the migration; a result only when it fails. */
  private Result up(Migration migration, Target.Id target) {
    try {
      migrator.apply(target);
      return null;
    } catch (MigrationFailedException e) {
      return failed(migration, UP_FAILS, e.getMessage(), true);
    }
  }

  static String name(Migration migration) {
    return "roundtrip " + migration.fileName();
  }

  private static Result failed(Migration migration, String verdict, String diff, boolean stops) {
    return new Result(Check.failed(name(migration), PASSED, verdict, diff), stops);
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
