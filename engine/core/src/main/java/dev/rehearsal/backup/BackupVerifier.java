package dev.rehearsal.backup;

import dev.rehearsal.database.BackupContents;
import dev.rehearsal.database.BackupTool;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.io.BoundedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a backup before anything trusts it, touching no database: the three files are regular files (their type is
 * checked before they are opened, so a FIFO cannot block), the checksum matches, the manifest is valid and belongs
 * to this file, it is of the kind the caller expects, and the engine's own reader reads the whole file and finds
 * what the manifest says.
 */
final class BackupVerifier {

  private static final Pattern CHECKSUM_LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](.+)\n?");

  private final Function<String, BackupTool> tools;
  private final String expectedKind;

  /**
   * @param tools the backup tool of each engine kind
   * @param expectedKind the kind the backup must be (a restore's target), or null for any
   */
  BackupVerifier(Function<String, BackupTool> tools, String expectedKind) {
    this.tools = tools;
    this.expectedKind = expectedKind;
  }

  Manifest verify(Backups.Files3 files) {
    Path backup = files.backup();
    String problem = BoundedFile.problem(backup);
    if (problem != null) {
      throw new BackupException(problem.equals("does not exist") ? "backup " + backup + " not found"
          : "backup " + backup + " is " + problem);
    }
    String expected = checksum(files);
    String actual;
    try {
      actual = Backups.sha256(backup);
    } catch (IOException e) {
      throw new BackupException("cannot read " + backup + ": " + e.getMessage(), e);
    }
    if (!actual.equals(expected)) {
      throw new BackupException("checksum mismatch: " + backup + " is corrupt or truncated (SHA-256 " + actual
          + ", expected " + expected + ") — nothing was restored");
    }
    Manifest manifest = ManifestJson.read(files.manifest());
    if (!manifest.sha256().equals(actual)) {
      throw new BackupException("the manifest " + files.manifest() + " belongs to another backup (SHA-256 "
          + manifest.sha256() + ")");
    }
    if (expectedKind != null && !manifest.databaseKind().equals(expectedKind)) {
      throw new BackupException(backup.getFileName() + " is a " + manifest.databaseKind() + " backup (database_kind "
          + "in its manifest), and the target is a " + expectedKind + " database — restore it into a "
          + manifest.databaseKind() + " database");
    }
    List<String> problems = ContentsCheck.problems(manifest, contents(backup, manifest));
    if (!problems.isEmpty()) {
      throw new BackupException("the manifest " + files.manifest() + " does not match the backup file: "
          + String.join("; ", problems));
    }
    return manifest;
  }

  private BackupContents contents(Path backup, Manifest manifest) {
    try {
      return tools.apply(manifest.databaseKind()).read(backup);
    } catch (DatabaseException e) {
      if (e.infrastructure()) {
        throw e;
      }
      throw new BackupException(backup.getFileName() + " cannot be read as a " + manifest.databaseKind()
          + " backup (database_kind in its manifest): " + e.getMessage(), e);
    }
  }

  /** The SHA-256 the checksum file gives, which must name this backup, in {@code sha256sum} format. */
  static String checksum(Backups.Files3 files) {
    String problem = BoundedFile.problem(files.checksum());
    if (problem != null) {
      throw new BackupException("checksum file " + files.checksum() + (problem.equals("does not exist")
          ? " not found" : " is " + problem) + " — without it the backup cannot be trusted");
    }
    String text;
    try {
      text = new String(BoundedFile.read(files.checksum(), 4096), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BackupException("cannot read " + files.checksum() + ": " + e.getMessage(), e);
    }
    Matcher m = CHECKSUM_LINE.matcher(text);
    if (!m.matches()) {
      throw new BackupException("checksum file " + files.checksum() + " is not one line '<SHA-256>  <file>' as "
          + "sha256sum writes it — without a checksum the backup cannot be trusted");
    }
    String name = files.backup().getFileName().toString();
    if (!m.group(2).equals(name)) {
      throw new BackupException("checksum file " + files.checksum() + " is the checksum of another file, not of "
          + name);
    }
    return m.group(1).toLowerCase(java.util.Locale.ROOT);
  }
}
