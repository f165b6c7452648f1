package dev.rehearsal.cli;

import dev.rehearsal.backup.Backups;
import dev.rehearsal.backup.Manifest;
import dev.rehearsal.database.Connector;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.Session;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.Outcome;
import dev.rehearsal.schema.Snapshot;
import dev.rehearsal.schema.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rehearse restore}: verifies a backup (checksum, manifest, kind, the whole file read back), replaces the named
 * database's content with it, and verifies the result against the manifest. Replacing a database that exists needs
 * {@code --yes}.
 */
@Command(name = "restore", description = "Restore a backup into a database: the backup checked first (nothing is "
    + "touched if it is wrong), then the restore, then a check against the manifest.", exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        "0:restored and verified", "1:the backup is corrupt, invalid or of another kind (the database was not "
            + "touched), the restore failed, or the restored database differs from the manifest",
        ExitCodes.INVALID_LINE, ExitCodes.INFRASTRUCTURE_LINE})
final class RestoreCommand extends OperatorCommand {

  @Option(names = "--from", paramLabel = "FILE", required = true, description = "The backup file.")
  Path from;

  @Option(names = "--yes", description = "Confirm that the content of an existing database is to be replaced.")
  boolean yes;

  @Override
  public Integer call() {
    Database target = target();
    Path file = from.toAbsolutePath().normalize();
    Manifest manifest;
    try {
      manifest = Backups.verify(file, target);
    } catch (dev.rehearsal.backup.BackupException e) {
      err().println("error: " + e.getMessage());
      err().println("nothing was restored: " + db + " was not touched");
      return ExitCodes.FAILED;
    }
    boolean exists = target.kind().equals("sqlite") ? Files.exists(Path.of(db)) : true;
    if (exists && !confirmed(yes, "restore")) {
      return ExitCodes.INVALID;
    }
    if (!exists) {
      touch(Path.of(db));
    }
    try {
      target.backups().restore(file, target.kind().equals("sqlite") ? Path.of(db).toAbsolutePath().toString() : db);
    } catch (DatabaseException e) {
      if (e.infrastructure()) {
        throw e;
      }
      err().println("error: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    Connector connector = target.existing(db);
    String changelog = opened.repository(target).changelogTable();
    Snapshot restored;
    try (Session session = new Session(target, connector)) {
      restored = new Snapshot(manifest.label(), Outcome.show(new Migrator(opened.repository(target), connector)
          .version()), Snapshots.schema(session, changelog), Snapshots.data(session, changelog, List.of()));
    }
    List<String> problems = Backups.compare(manifest, restored);
    if (!problems.isEmpty()) {
      err().println("error: the restored database differs from the manifest of " + file.getFileName() + ":");
      problems.forEach(p -> err().println("  " + p));
      return ExitCodes.FAILED;
    }
    out().printf("restored %s into %s: version %s, schema and %d tables match the manifest%n", file.getFileName(),
        db, manifest.version(), manifest.tables().size());
    return ExitCodes.OK;
  }

  private static void touch(Path file) {
    try {
      Files.createFile(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
    }
  }
}
