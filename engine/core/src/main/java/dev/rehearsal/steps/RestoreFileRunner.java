package dev.rehearsal.steps;

import dev.rehearsal.backup.BackupException;
import dev.rehearsal.backup.Backups;
import dev.rehearsal.backup.ExternalBackup;
import dev.rehearsal.config.PathSafety;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.TableFingerprint;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.scenario.RestoreFileStep;
import dev.rehearsal.schema.Snapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code restore: {file: ...}}: a backup file Rehearsal did not write is checked ({@link Backups#inspect}: its format,
 * its {@code .sha256} and manifest when they are there, the whole file read by the engine, nothing in it that reaches
 * outside the database), restored into the scenario's scratch database, and proved by reading the database back:
 * each table has the rows the file lists, the manifest (when there is one) matches, and the changelog tells the
 * version and what is pending. The file itself is only ever read. A file that is missing, refused or fails to
 * restore is an error of the step: the steps after it, which are about the restored data, are skipped.
 */
final class RestoreFileRunner implements StepRunner<RestoreFileStep> {

  @Override
  public String keyword() {
    return dev.rehearsal.scenario.RestoreStep.KEYWORD;
  }

  @Override
  public Class<RestoreFileStep> stepType() {
    return RestoreFileStep.class;
  }

  @Override
  public StepOutcome run(RestoreFileStep step, StepContext context) {
    return Budget.timed(step.describe(), step.within(), () -> restore(step, context));
  }

  private StepOutcome restore(RestoreFileStep step, StepContext context) {
    long t0 = System.nanoTime();
    Path root = context.settings().projectRoot().toAbsolutePath().normalize();
    Path file = BackupFileChoice.choose(step.file(), context.database().name(), root);
    String shown = file.startsWith(root) ? root.relativize(file).toString().replace('\\', '/') : file.toString();
    if (!context.settings().allowOutsideProject() && !PathSafety.inside(root, file)) {
      throw new StepFailure(shown + " leads outside the project (a symbolic link) — copy it into the project, or pass "
          + "--allow-outside-project; nothing was restored");
    }
    ExternalBackup backup;
    try {
      backup = Backups.inspect(file, context.database());
    } catch (BackupException e) {
      // What comes after a restore is about the restored data: without it, nothing after it means anything.
      throw new StepFailure("backup " + shown + " refused: " + e.getMessage()
          + (e.getMessage().contains("nothing") ? "" : " — nothing was restored"), e);
    }
    try {
      context.database().backups().restoreExternal(file, context.scratch().location());
    } catch (DatabaseException e) {
      if (e.infrastructure()) {
        throw e;
      }
      throw new StepFailure("restore of " + shown + " failed: " + e.getMessage(), e);
    }
    Snapshot restored = BackupRunner.snapshot(step.label() == null ? "restored" : step.label(), context);
    if (step.label() != null) {
      context.remember(restored);
    }
    List<Check> checks = new ArrayList<>(proof(backup, restored, shown, context));
    Migrator migrator = context.migrator();
    int pending = migrator.pending().size();
    long rows = restored.data().tables().values().stream().mapToLong(TableFingerprint::rows).sum();
    int tables = restored.data().tables().size();
    String version = restored.version() == null ? "base" : restored.version();
    context.clock().restored(new RestoredBackup(shown, backup.format(), backup.sizeBytes(), backup.sha256(),
        backup.verification().shown(), version, tables, rows, pending, Duration.ofNanos(System.nanoTime() - t0)));
    String changelog = migrator.changelog().isEmpty() && tables > 0 ? "; it has no changelog rows (table "
        + context.repository().changelogTable() + "), so every migration is pending" : "";
    return new StepOutcome(checks, "restored " + shown + " (" + backup.format() + ", "
        + RestoredBackup.size(backup.sizeBytes()) + ", sha256 " + backup.sha256().substring(0, 12) + "..., "
        + verified(backup) + "): " + tables + (tables == 1 ? " table, " : " tables, ") + rows + (rows == 1 ? " row" : " rows") + ", at version "
        + version + ", " + pending + (pending == 1 ? " migration" : " migrations") + " pending" + changelog);
  }

  /** The restored database read back: the file's rows table by table, and its manifest when it has one. */
  private static List<Check> proof(ExternalBackup backup, Snapshot restored, String shown, StepContext context) {
    List<Check> checks = new ArrayList<>();
    List<String> rows = Backups.compareRows(backup.contents(), restored, context.repository().changelogTable());
    int listed = backup.contents().tables().size();
    String expected = "the rows of the " + listed + (listed == 1 ? " table" : " tables") + " the file lists";
    checks.add(rows.isEmpty() ? Check.passed("restored " + shown + " read back", expected, "the same")
        : Check.failed("restored " + shown + " read back", expected, rows.size() + (rows.size() == 1
            ? " difference" : " differences"), String.join("\n", rows)));
    if (backup.manifest() != null) {
      List<String> problems = Backups.compare(backup.manifest(), restored);
      String name = "restored " + shown + " matches its manifest";
      String wanted = "version " + backup.manifest().version() + ", schema and " + backup.manifest().tables().size()
          + " tables";
      checks.add(problems.isEmpty() ? Check.passed(name, wanted, "the same") : Check.failed(name, wanted,
          problems.size() + (problems.size() == 1 ? " difference" : " differences"), String.join("\n", problems)));
    }
    return checks;
  }

  private static String verified(ExternalBackup backup) {
    return switch (backup.verification()) {
      case UNVERIFIED -> "unverified: no .sha256 or manifest beside it, proved by the restore and the read-back only";
      default -> "verified: " + backup.verification().shown();
    };
  }
}
