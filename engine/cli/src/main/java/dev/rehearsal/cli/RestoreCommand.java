package dev.rehearsal.cli;

import dev.rehearsal.backup.BackupException;
import dev.rehearsal.backup.Backups;
import dev.rehearsal.backup.Manifest;
import dev.rehearsal.database.DatabaseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rehearse restore}: verifies a backup (checksum, manifest, kind, the whole file read back), replaces the named
 * database's content with it, and verifies the result against the manifest. Replacing a database that exists needs
 * {@code --yes}.
 */
@Command(name = "restore", description = "Restore a backup into a database: the backup checked first (nothing is "
    + "touched if it is wrong), then the restore, then a check against the manifest.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:restored and verified",
        "1:the backup is corrupt, invalid or of another kind (the database was not touched), the restore failed, "
            + "or the restored database differs from the manifest",
        "2:invalid input or usage: no such backup file, no backup for --latest, no --yes",
        ExitCodes.INFRASTRUCTURE_LINE})
final class RestoreCommand extends OperatorCommand {

  /** Which backup: a file, or the newest that apply or rollback took. */
  static final class Source {
    @Option(names = "--from", paramLabel = "FILE", required = true, description = "The backup file.")
    Path from;

    @Option(names = "--latest", required = true,
        description = "The newest backup that apply or rollback took of --db (under paths.backups).")
    boolean latest;
  }

  @ArgGroup(multiplicity = "1")
  Source source;

  @Option(names = "--yes", description = "Confirm that the content of an existing database is to be replaced.")
  boolean yes;

  @Override
  public Integer call() {
    NamedDatabase named = named();
    Path file = backupFile(named);
    Manifest manifest;
    try {
      manifest = Backups.verify(file, named.database);
    } catch (BackupException e) {
      err().println("error: " + e.getMessage());
      err().println("nothing was restored: " + db + " was not touched");
      return ExitCodes.FAILED;
    }
    boolean exists = named.exists();
    if (exists && !confirmed(yes, "restore")) {
      return ExitCodes.INVALID;
    }
    if (!exists) {
      touch(named.file());
    }
    try {
      named.database.backups().restore(file, named.location());
    } catch (DatabaseException e) {
      if (e.infrastructure()) {
        throw e;
      }
      err().println("error: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    List<String> problems = Backups.compare(manifest, named.snapshot(manifest.label()));
    if (!problems.isEmpty()) {
      err().println("error: the restored database differs from the manifest of " + file.getFileName() + ":");
      problems.forEach(p -> err().println("  " + p));
      return ExitCodes.FAILED;
    }
    out().printf("restored %s into %s: version %s, schema and %d tables match the manifest%n",
        source.latest ? file : file.getFileName(), db, manifest.version(), manifest.tables().size());
    return ExitCodes.OK;
  }

  /**
   * The backup to restore: {@code --from}, or the newest of {@code --db} under {@code paths.backups}.
   *
   * @throws OptionException when there is none
   */
  private Path backupFile(NamedDatabase named) {
    if (source.latest) {
      return named.latestBackup().orElseThrow(() -> new OptionException("no backup of " + db + " in "
          + named.backupsDir() + " — apply and rollback take one there before they change " + db
          + "; or name a backup file with --from FILE"));
    }
    Path file = source.from.toAbsolutePath().normalize();
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new OptionException("--from " + source.from + ": no such file — give the backup file to restore, or "
          + "--latest for the newest backup apply or rollback took of " + db);
    }
    return file;
  }

  private static void touch(Path file) {
    try {
      Files.createFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
    }
  }
}
