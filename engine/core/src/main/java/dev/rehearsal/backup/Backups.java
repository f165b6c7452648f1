package dev.rehearsal.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.TableFingerprint;
import dev.rehearsal.schema.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes and verifies backups. A backup is three files: {@code LABEL<ext>} (the engine's own backup format),
 * {@code LABEL<ext>.sha256} in {@code sha256sum} format, and {@code LABEL.manifest.json}. Each is written under a
 * temporary name, forced to disk and renamed, so a crash or a full disk never leaves a file with a valid-looking name
 * and wrong content.
 */
public final class Backups {

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

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
   * @param force replace existing files instead of refusing
   * @throws BackupException when a file exists (without force) or cannot be written
   */
  public static Manifest write(Database database, String location, Path target, Snapshot snapshot, boolean force) {
    Files3 files = Files3.of(target);
    if (!force) {
      for (Path file : List.of(files.backup(), files.checksum(), files.manifest())) {
        if (Files.exists(file)) {
          throw new BackupException(file + " already exists — choose another name, remove it, or pass --force");
        }
      }
    }
    Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
    try {
      Files.createDirectories(target.getParent());
      // The engines' tools report a directory they cannot write as a database error; creating the (empty) file
      // first makes it the file problem it is. The SQLite backup and pg_dump both overwrite an empty file.
      Files.createFile(temp);
      try {
        database.backup(location, temp);
      } catch (dev.rehearsal.database.DatabaseException e) {
        if (e.infrastructure()) {
          throw e;
        }
        // The tool ran and failed while writing (a full disk ends the SQLite backup with SQLITE_FULL).
        throw new IOException(e.getMessage(), e);
      }
      force(temp);
      String sha256 = sha256(temp);
      Files.move(temp, files.backup(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      writeAtomically(files.checksum(), sha256 + "  " + files.backup().getFileName() + "\n");
      Manifest manifest = manifest(snapshot, files.backup().getFileName().toString(), sha256, database.kind());
      writeAtomically(files.manifest(), JSON.writeValueAsString(manifest) + "\n");
      forceDirectory(target.getParent());
      return manifest;
    } catch (IOException e) {
      throw new BackupException("cannot write the backup " + target + ": " + e.getMessage()
          + " — check free space and permissions of " + target.getParent(), e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // nothing with the final name was written from it
      }
    }
  }

  private static Manifest manifest(Snapshot snapshot, String file, String sha256, String kind) {
    Map<String, Manifest.Table> tables = new TreeMap<>();
    for (Map.Entry<String, TableFingerprint> table : snapshot.data().tables().entrySet()) {
      tables.put(table.getKey(), new Manifest.Table(table.getValue().rows(), table.getValue().hash()));
    }
    return new Manifest(Manifest.FORMAT, snapshot.label(), kind, Instant.now().toString(), file, sha256,
        snapshot.version(), snapshot.schema().hash(), tables);
  }

  /**
   * Checks a backup before anything is restored from it: the checksum file exists and matches the file's SHA-256,
   * and the manifest exists, names the same checksum and can be read.
   *
   * @return the manifest
   * @throws BackupException naming the file and what is wrong
   */
  public static Manifest verify(Path backup) {
    Files3 files = Files3.of(backup);
    if (!Files.isRegularFile(backup)) {
      throw new BackupException("backup " + backup + " not found");
    }
    if (!Files.isRegularFile(files.checksum())) {
      throw new BackupException("checksum file " + files.checksum() + " not found — without it the backup cannot "
          + "be trusted");
    }
    String expected;
    try {
      String line = Files.readString(files.checksum(), StandardCharsets.UTF_8).strip();
      expected = line.split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
    } catch (IOException e) {
      throw new BackupException("cannot read " + files.checksum() + ": " + e.getMessage(), e);
    }
    String actual;
    try {
      actual = sha256(backup);
    } catch (IOException e) {
      throw new BackupException("cannot read " + backup + ": " + e.getMessage(), e);
    }
    if (!actual.equals(expected)) {
      throw new BackupException("checksum mismatch: " + backup + " is corrupt or truncated (SHA-256 " + actual
          + ", expected " + expected + ") — nothing was restored");
    }
    Manifest manifest;
    try {
      manifest = JSON.readValue(files.manifest().toFile(), Manifest.class);
    } catch (IOException e) {
      throw new BackupException("cannot read the manifest " + files.manifest() + ": " + e.getMessage(), e);
    }
    if (!manifest.sha256().equalsIgnoreCase(actual)) {
      throw new BackupException("the manifest " + files.manifest() + " belongs to another backup (SHA-256 "
          + manifest.sha256() + ")");
    }
    return manifest;
  }

  /** What differs between a restored database and the manifest of its backup, one line each. */
  public static List<String> compare(Manifest manifest, Snapshot restored) {
    List<String> problems = new ArrayList<>();
    if (!String.valueOf(manifest.version()).equals(restored.version())) {
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

  private static void writeAtomically(Path file, String text) throws IOException {
    Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".partial");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      force(temp);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("temporary file " + temp + " exists", e);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /** Makes the renames durable; not every platform can open a directory, which is then skipped. */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // best effort: the files themselves are already on disk
    }
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
