package dev.rehearsal.cli;

import dev.rehearsal.backup.BackupException;
import dev.rehearsal.backup.Backups;
import dev.rehearsal.backup.Manifest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rehearse verify-backup}: the checksum and the manifest of a backup, without touching any database. */
@Command(name = "verify-backup", description = "Check a backup's SHA-256 against its .sha256 file and its manifest.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:intact", "1:corrupt, truncated or incomplete"})
final class VerifyBackupCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The backup file.")
  Path file;

  @Option(names = "--debug", description = "Show stack traces.")
  boolean debug;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Override
  public Integer call() {
    try {
      Manifest manifest = Backups.verify(file.toAbsolutePath().normalize());
      spec.commandLine().getOut().printf("%s: OK (sha256 %s; %s backup of version %s, %d tables, taken %s)%n", file,
          manifest.sha256(), manifest.databaseKind(), manifest.version(), manifest.tables().size(),
          manifest.createdAt());
      return ExitCodes.OK;
    } catch (BackupException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }
}
