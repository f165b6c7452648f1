package dev.rehearsal.cli;

import dev.rehearsal.backup.BackupException;
import dev.rehearsal.backup.Backups;
import dev.rehearsal.backup.Manifest;
import dev.rehearsal.config.ProjectException;
import dev.rehearsal.database.BackupTool;
import dev.rehearsal.database.Databases;
import dev.rehearsal.run.Project;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code rehearse verify-backup}: the checksum, the manifest and the whole backup file read back by its engine's own
 * reader, without touching any database.
 */
@Command(name = "verify-backup", description = "Check a backup without touching any database: its checksum, its "
    + "manifest, and the whole file read back by its engine.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:intact and as its manifest says",
        "1:corrupt, truncated, incomplete, or its manifest is invalid or does not match it",
        "2:invalid input or usage, or FILE does not exist", "3:the engine's reader cannot be run (e.g. pg_restore is not installed)"})
final class VerifyBackupCommand extends PlainCommand {

  @Mixin
  OfflineOptions project;


  @Parameters(paramLabel = "FILE", description = "The backup file.")
  Path file;

  @Override
  public Integer call() {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new OptionException(file + ": no such file — give the backup file to check");
    }
    try {
      Manifest manifest = Backups.verify(file.toAbsolutePath().normalize(), tools());
      out().printf("%s: OK (sha256 %s; %s backup of version %s, %d tables, taken %s; read back, and it holds what "
          + "its manifest says)%n", file, manifest.sha256(), manifest.databaseKind(), manifest.version(),
          manifest.tables().size(), manifest.createdAt());
      return ExitCodes.OK;
    } catch (BackupException e) {
      err().println("error: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }

  /**
   * The project's backup tools (its {@code bin_dir}); outside any project, a backup is still checked, with the
   * engines' defaults (pg_restore on PATH).
   */
  private Function<String, BackupTool> tools() {
    Project opened;
    try {
      opened = project.open();
    } catch (ProjectException e) {
      if (project.projectDir() != null) {
        throw e;
      }
      return Databases::backupTool;
    }
    return opened::backupTool;
  }
}
