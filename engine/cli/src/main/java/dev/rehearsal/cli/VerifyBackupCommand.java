package dev.rehearsal.cli;

import dev.rehearsal.backup.BackupException;
import dev.rehearsal.backup.Backups;
import dev.rehearsal.backup.Manifest;
import dev.rehearsal.run.Project;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code rehearse verify-backup}: the checksum, the manifest and the whole backup file read back by its engine's own
 * reader, without touching any database.
 */
@Command(name = "verify-backup", description = "Check a backup without touching any database: its checksum, its "
    + "manifest, and the whole file read back by its engine.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:intact and as its manifest says",
        "1:corrupt, truncated, incomplete, or its manifest is invalid or does not match it",
        ExitCodes.INVALID_LINE, "3:the engine's reader cannot be run (e.g. pg_restore is not installed)"})
final class VerifyBackupCommand extends BaseCommand {

  @Parameters(paramLabel = "FILE", description = "The backup file.")
  Path file;

  @Override
  public Integer call() {
    Project opened = project.open();
    try {
      Manifest manifest = Backups.verify(file.toAbsolutePath().normalize(), opened::backupTool);
      out().printf("%s: OK (sha256 %s; %s backup of version %s, %d tables, taken %s; read back, and it holds what "
          + "its manifest says)%n", file, manifest.sha256(), manifest.databaseKind(), manifest.version(),
          manifest.tables().size(), manifest.createdAt());
      return ExitCodes.OK;
    } catch (BackupException e) {
      err().println("error: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }
}
