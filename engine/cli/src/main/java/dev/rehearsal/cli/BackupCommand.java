package dev.rehearsal.cli;

import dev.rehearsal.backup.Backups;
import dev.rehearsal.backup.Manifest;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rehearse backup}: a checksummed backup with a manifest, of a database the operator names. */
@Command(name = "backup", description = "Back up a database to FILE, with FILE.sha256 and a manifest beside it, "
    + "read back before it gets its name.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:backed up and read back",
        "1:the backup could not be written, or did not read back as the database was (no file is left)",
        "2:invalid input or usage, or FILE (its checksum, its manifest) exists and --force was not given",
        ExitCodes.INFRASTRUCTURE_LINE})
final class BackupCommand extends OperatorCommand {

  @Option(names = "--out", paramLabel = "FILE", required = true,
      description = "The backup file to write (anywhere: it is yours, not the repository's).")
  Path out;

  @Option(names = "--force", description = "Replace FILE, its checksum and manifest if they exist.")
  boolean force;

  @Override
  public Integer call() {
    NamedDatabase named = existing();
    Path file = out.toAbsolutePath().normalize();
    Backups.Files3 files = Backups.filesOf(file);
    if (!force) {
      for (Path existing : List.of(files.backup(), files.checksum(), files.manifest())) {
        if (Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
          throw new OptionException(existing + " already exists — choose another name, remove it, or pass --force");
        }
      }
    }
    Manifest manifest = named.backup(file, force);
    out().printf("backed up %s at version %s (%d tables)%n  %s%n  %s%n  %s%n", db, manifest.version(),
        manifest.tables().size(), files.backup(), files.checksum(), files.manifest());
    out().printf("check it by hand with: (cd %s && sha256sum -c %s)%n", file.getParent(),
        files.checksum().getFileName());
    return ExitCodes.OK;
  }
}
