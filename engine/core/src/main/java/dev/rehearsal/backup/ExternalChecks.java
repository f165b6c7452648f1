package dev.rehearsal.backup;

import dev.rehearsal.database.BackupContents;
import dev.rehearsal.database.BackupTool;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.TableFingerprint;
import dev.rehearsal.io.BoundedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a backup file Rehearsal did not write before it is restored, touching no database: it is a regular file in
 * a format of the target's engine; its {@code .sha256} and manifest, when they lie beside it, agree with it (one that
 * is there and disagrees refuses the backup); and the engine reads it whole, refusing what would reach outside the
 * database it goes into.
 */
final class ExternalChecks {

  private final BackupTool tool;
  private final String kind;

  ExternalChecks(BackupTool tool, String kind) {
    this.tool = tool;
    this.kind = kind;
  }

  ExternalBackup inspect(Path file) {
    String problem = BoundedFile.problem(file);
    if (problem != null) {
      throw new BackupException(problem.equals("does not exist") ? "backup " + file + " not found"
          : "backup " + file + " is " + problem);
    }
    String format = engine(() -> tool.formatOf(file), file);
    long size;
    String sha256;
    try {
      size = Files.size(file);
      sha256 = Backups.sha256(file);
    } catch (IOException e) {
      throw new BackupException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Backups.Files3 files = Backups.filesOf(file);
    boolean hasChecksum = Files.exists(files.checksum(), LinkOption.NOFOLLOW_LINKS);
    boolean hasManifest = Files.exists(files.manifest(), LinkOption.NOFOLLOW_LINKS);
    if (hasChecksum) {
      String expected = BackupVerifier.checksum(files);
      if (!expected.equals(sha256)) {
        throw new BackupException("checksum mismatch: " + file + " is corrupt or truncated (SHA-256 " + sha256
            + ", " + files.checksum().getFileName() + " says " + expected + ") — nothing was restored");
      }
    }
    Manifest manifest = hasManifest ? manifest(files, sha256) : null;
    BackupContents contents = engine(() -> tool.readExternal(file), file);
    if (manifest != null) {
      List<String> problems = ContentsCheck.problems(manifest, contents);
      if (!problems.isEmpty()) {
        throw new BackupException("the manifest " + files.manifest() + " does not match the backup file: "
            + String.join("; ", problems));
      }
    }
    ExternalBackup.Verification verification = hasChecksum && hasManifest
        ? ExternalBackup.Verification.CHECKSUM_AND_MANIFEST : hasChecksum ? ExternalBackup.Verification.CHECKSUM
        : hasManifest ? ExternalBackup.Verification.MANIFEST : ExternalBackup.Verification.UNVERIFIED;
    return new ExternalBackup(file, format, size, sha256, verification, manifest, contents);
  }

  private Manifest manifest(Backups.Files3 files, String sha256) {
    Manifest manifest = ManifestJson.read(files.manifest());
    if (!manifest.sha256().equals(sha256)) {
      throw new BackupException("the manifest " + files.manifest() + " belongs to another backup (SHA-256 "
          + manifest.sha256() + ")");
    }
    if (!manifest.databaseKind().equals(kind)) {
      throw new BackupException(files.backup().getFileName() + " is a " + manifest.databaseKind() + " backup "
          + "(database_kind in its manifest), and the target is a " + kind + " database");
    }
    return manifest;
  }

  private interface EngineCall<T> {
    T call();
  }

  /** What the engine says about the file; a file it refuses is a refused backup, a missing tool infrastructure. */
  private <T> T engine(EngineCall<T> call, Path file) {
    try {
      return call.call();
    } catch (DatabaseException e) {
      if (e.infrastructure()) {
        throw e;
      }
      throw new BackupException(e.getMessage(), e);
    }
  }

  /**
   * What differs between the rows the file holds, table by table, and the rows of the database it was restored into,
   * one line each; the changelog table is left out (the caller reads its version).
   */
  static List<String> rows(BackupContents contents, Map<String, TableFingerprint> restored, String changelog) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Long> table : contents.tables().entrySet()) {
      String name = table.getKey().toLowerCase(Locale.ROOT);
      String bare = name.substring(name.lastIndexOf('.') + 1);
      if (bare.equals(changelog.toLowerCase(Locale.ROOT))) {
        continue;
      }
      TableFingerprint now = restored.get(name) != null ? restored.get(name) : restored.get(bare);
      if (now == null) {
        problems.add("table " + table.getKey() + ": in the file, missing after the restore");
      } else if (now.rows() != table.getValue()) {
        problems.add("table " + table.getKey() + ": " + table.getValue() + " rows in the file, " + now.rows()
            + " after the restore");
      }
    }
    return problems;
  }
}
