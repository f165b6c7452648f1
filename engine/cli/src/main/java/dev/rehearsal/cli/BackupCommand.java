package dev.rehearsal.cli;

import dev.rehearsal.backup.Backups;
import dev.rehearsal.backup.Manifest;
import dev.rehearsal.database.Connector;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.Session;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.Outcome;
import dev.rehearsal.schema.Snapshot;
import dev.rehearsal.schema.Snapshots;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rehearse backup}: a checksummed backup with a manifest, of a database the operator names. */
@Command(name = "backup", description = "Back up a database to FILE, with FILE.sha256 and a manifest beside it, "
    + "read back before it gets its name.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:backed up and read back",
        "1:the backup could not be written, or did not read back as the database was (no file is left)",
        ExitCodes.INVALID_LINE, ExitCodes.INFRASTRUCTURE_LINE})
final class BackupCommand extends OperatorCommand {

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The backup file to write.")
  Path out;

  @Option(names = "--force", description = "Replace FILE, its checksum and manifest if they exist.")
  boolean force;

  @Override
  public Integer call() {
    Database target = target();
    Connector connector = target.existing(db);
    Migrator migrator = new Migrator(opened.repository(target), connector);
    String changelog = opened.repository(target).changelogTable();
    String label = out.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    Snapshot snapshot;
    try (Session session = new Session(target, connector)) {
      snapshot = new Snapshot(label, Outcome.show(migrator.version()), Snapshots.schema(session, changelog),
          Snapshots.data(session, changelog, List.of()));
    }
    Path file = out.toAbsolutePath().normalize();
    if (!opened.config().permits(file)) {
      err().printf("error: %s is outside the project root %s — write backups inside it, or pass "
          + "--allow-outside-project%n", file, opened.config().projectRoot());
      return ExitCodes.INVALID;
    }
    Manifest manifest = Backups.write(target, db, file, snapshot, changelog, force);
    Backups.Files3 files = Backups.filesOf(file);
    out().printf("backed up %s at version %s (%d tables)%n  %s%n  %s%n  %s%n", db, manifest.version(),
        manifest.tables().size(), files.backup(), files.checksum(), files.manifest());
    out().printf("check it by hand with: (cd %s && sha256sum -c %s)%n", file.getParent(),
        files.checksum().getFileName());
    return ExitCodes.OK;
  }
}
