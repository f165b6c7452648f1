package dev.rehearsal.steps;

import dev.rehearsal.backup.BackupException;
import dev.rehearsal.backup.Backups;
import dev.rehearsal.backup.Manifest;
import dev.rehearsal.database.Session;
import dev.rehearsal.migrations.Outcome;
import dev.rehearsal.scenario.BackupStep;
import dev.rehearsal.schema.Snapshot;
import dev.rehearsal.schema.Snapshots;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code backup}: a real backup file with its {@code .sha256} and manifest under {@code backups/}, read back and
 * checked against the manifest before it gets its name; a backup that cannot be written (disk full, read-only), that
 * the engine's tool fails, or that does not read back as the database was, is a failed check, and no file with a
 * backup's name is left.
 */
final class BackupRunner implements StepRunner<BackupStep> {

  @Override
  public String keyword() {
    return BackupStep.KEYWORD;
  }

  @Override
  public Class<BackupStep> stepType() {
    return BackupStep.class;
  }

  @Override
  public StepOutcome run(BackupStep step, StepContext context) {
    Snapshot snapshot = snapshot(step.label(), context);
    Path file = context.backupDir().resolve(step.label() + context.database().backups().extension());
    String name = "backup " + step.label() + " written and checksummed";
    try {
      Manifest manifest = Backups.write(context.database(), context.scratch().location(), file, snapshot,
          context.repository().changelogTable(), false);
      context.remember(snapshot);
      context.rememberBackup(step.label(), file);
      String shown = context.settings().projectRoot().relativize(file.toAbsolutePath()).toString();
      return StepOutcome.checked(Check.passed(name, "a backup with checksum and manifest", shown),
          "backup " + step.label() + " at version " + manifest.version() + ": " + shown + " (sha256 "
              + manifest.sha256().substring(0, 12) + "...)");
    } catch (BackupException e) {
      return StepOutcome.checked(Check.failed(name, "a backup with checksum and manifest", e.getMessage(), ""),
          "backup failed");
    }
  }

  /** The schema and data of the scenario's database now, under {@code label}. */
  static Snapshot snapshot(String label, StepContext context) {
    String version = Outcome.show(context.migrator().version());
    String changelog = context.repository().changelogTable();
    try (Session session = context.session()) {
      return Snapshots.take(session, changelog, label, version, List.of());
    }
  }
}
