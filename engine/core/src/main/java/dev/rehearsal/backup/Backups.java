package dev.rehearsal.backup;

import dev.rehearsal.database.BackupContents;
import dev.rehearsal.database.BackupTool;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.TableFingerprint;
import dev.rehearsal.schema.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes and verifies backups. A backup is three files: {@code LABEL<ext>} (the engine's own backup format),
 * {@code LABEL<ext>.sha256} in {@code sha256sum} format, and {@code LABEL.manifest.json}. Rehearsal writes every
 * byte of them itself, reads the backup back with the engine's reader and checks it against the manifest before any
 * of them gets its name; a restore checks all of that again before it touches the target.
 */
public final class Backups {

  private Backups() {}

  /** Where a backup's three files are. */
  public record Files3(Path backup, Path checksum, Path manifest) {
    static Files3 of(Path backup) {
      String name = backup.getFileName().toString();
      String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
      return new Files3(backup, backup.resolveSibling(name + ".sha256"), backup.resolveSibling(stem
          + ".manifest.json"));
    }
  }

  /** The files a backup at {@code backup} has (or would have). */
  public static Files3 filesOf(Path backup) {
    return Files3.of(backup);
  }

  /**
   * Backs up the database at {@code location} to {@code target} and writes its checksum and manifest.
   *
   * @param snapshot the schema and data of the database at this moment, for the manifest
   * @param changelogTable MyBatis's changelog table, which the manifest names and its tables leave out
   * @param force replace existing files instead of refusing
   * @throws BackupException when a file exists (without force), the backup cannot be written, or what was written
   *     does not read back as the database was
   * @throws dev.rehearsal.database.DatabaseException (infrastructure) when the engine's tool cannot be run
   */
  public static Manifest write(Database database, String location, Path target, Snapshot snapshot,
      String changelogTable, boolean force) {
    return new BackupWriter(database).write(location, Files3.of(target), snapshot, changelogTable, force);
  }

  /**
   * Checks a backup before anything is restored from it into {@code target}: its checksum and manifest, that it is a
   * backup of {@code target}'s kind, and that {@code target}'s engine reads the whole file and finds what the
   * manifest says.
   *
   * @return the manifest
   * @throws BackupException naming the file, and the field, that is wrong
   */
  public static Manifest verify(Path backup, Database target) {
    return new BackupVerifier(kind -> target.backups(), target.kind()).verify(Files3.of(backup));
  }

  /** As {@link #verify(Path, Database)}, for a backup of any kind, read with {@code tools}' tool for its kind. */
  public static Manifest verify(Path backup, Function<String, BackupTool> tools) {
    return new BackupVerifier(tools, null).verify(Files3.of(backup));
  }

  /**
   * Checks a backup file Rehearsal did not write before it is restored into {@code target}: a regular file in a
   * format of its engine, that agrees with its {@code .sha256} and manifest when they lie beside it, and that the
   * engine reads whole without finding anything that would reach outside the database it goes into.
   *
   * @throws BackupException naming the file and what is wrong
   * @throws dev.rehearsal.database.DatabaseException (infrastructure) when the engine's reader cannot be run
   */
  public static ExternalBackup inspect(Path backup, Database target) {
    return new ExternalChecks(target.backups(), target.kind()).inspect(backup);
  }

  /**
   * What differs between the rows a file holds and those of the database it was restored into, table by table,
   * one line each; the changelog table is left out.
   */
  public static List<String> compareRows(BackupContents contents, Snapshot restored, String changelogTable) {
    return ExternalChecks.rows(contents, restored.data().tables(), changelogTable);
  }

  /** What differs between a restored database and the manifest of its backup, one line each. */
  public static List<String> compare(Manifest manifest, Snapshot restored) {
    List<String> problems = new ArrayList<>();
    if (!manifest.version().equals(restored.version())) {
      problems.add("version " + restored.version() + " after restore, " + manifest.version() + " in the backup");
    }
    if (!manifest.schemaHash().equals(restored.schema().hash())) {
      problems.add("schema hash " + restored.schema().hash() + " after restore, " + manifest.schemaHash()
          + " in the backup");
    }
    Map<String, TableFingerprint> tables = restored.data().tables();
    for (Map.Entry<String, Manifest.Table> table : manifest.tables().entrySet()) {
      TableFingerprint now = tables.get(table.getKey());
      if (now == null) {
        problems.add("table " + table.getKey() + " missing after restore");
      } else if (now.rows() != table.getValue().rows()) {
        problems.add("table " + table.getKey() + ": " + now.rows() + " rows after restore, " + table.getValue().rows()
            + " in the backup");
      } else if (!now.hash().equals(table.getValue().hash())) {
        problems.add("table " + table.getKey() + ": content differs from the backup (same row count)");
      }
    }
    tables.keySet().stream().filter(t -> !manifest.tables().containsKey(t))
        .forEach(t -> problems.add("table " + t + " present after restore, not in the backup"));
    return problems;
  }

  /** The SHA-256 of a file, in lower-case hex. */
  public static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
