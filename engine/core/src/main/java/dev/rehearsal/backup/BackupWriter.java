package dev.rehearsal.backup;

import dev.rehearsal.database.BackupContents;
import dev.rehearsal.database.BackupTool;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.TableFingerprint;
import dev.rehearsal.io.AtomicFile;
import dev.rehearsal.schema.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a backup: the engine's tool writes into a temporary file Rehearsal creates, counts, hashes and forces to
 * disk; the engine reads the file back and what it lists must agree with the manifest; only then do the manifest,
 * the checksum and last the backup file get their names. A backup that fails any of this leaves no file under a
 * backup's name.
 */
final class BackupWriter {

  private final Database database;
  private final BackupTool tool;

  BackupWriter(Database database) {
    this.database = database;
    this.tool = database.backups();
  }

  Manifest write(String location, Backups.Files3 files, Snapshot snapshot, String changelog, boolean force) {
    if (!force) {
      for (Path file : List.of(files.backup(), files.checksum(), files.manifest())) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
          throw new BackupException(file + " already exists — choose another name, remove it, or pass --force");
        }
      }
    }
    Path directory = files.backup().getParent();
    List<Path> named = new ArrayList<>();
    try {
      Files.createDirectories(directory);
      try (AtomicFile dump = AtomicFile.create(files.backup())) {
        writeDump(location, dump);
        Manifest manifest = manifest(snapshot, files.backup().getFileName().toString(), dump.sha256(), changelog);
        check(dump.temporary(), manifest);
        try (AtomicFile checksum = AtomicFile.create(files.checksum());
            AtomicFile json = AtomicFile.create(files.manifest())) {
          write(checksum, dump.sha256() + "  " + files.backup().getFileName() + "\n", "its checksum");
          write(json, ManifestJson.write(manifest), "its manifest");
          // The backup file last: until it has its name, the others describe nothing a restore would use.
          json.commit();
          named.add(files.manifest());
          checksum.commit();
          named.add(files.checksum());
          dump.commit();
          named.add(files.backup());
        }
        return manifest;
      }
    } catch (IOException e) {
      removeNamed(named, files);
      throw new BackupException("cannot write the backup " + files.backup() + ": " + describe(e) + leftovers(e)
          + " — check free space and permissions of " + directory, e);
    } catch (BackupException e) {
      String left = leftovers(e);
      throw left.isEmpty() ? e : new BackupException(e.getMessage() + left, e);
    }
  }

  /** The temporary files a failed backup could not remove, so that none is left without a word. */
  private static String leftovers(Exception e) {
    StringBuilder text = new StringBuilder();
    for (Throwable suppressed : e.getSuppressed()) {
      text.append("; ").append(suppressed.getMessage());
    }
    return text.toString();
  }

  private void writeDump(String location, AtomicFile dump) throws IOException {
    try {
      tool.write(location, dump.stream());
      dump.sync();
    } catch (DatabaseException e) {
      if (e.infrastructure()) {
        throw e;
      }
      throw new BackupException(e.getMessage() + " — no backup was written", e);
    } catch (IOException e) {
      throw new IOException(describe(e) + " (writing the backup file)", e);
    }
  }

  /** Reads the written file back with the engine's reader and compares what it holds with the manifest. */
  private void check(Path written, Manifest manifest) {
    BackupContents contents;
    try {
      contents = tool.read(written);
    } catch (DatabaseException e) {
      if (e.infrastructure()) {
        throw e;
      }
      throw new BackupException("the backup was written but cannot be read back: " + e.getMessage()
          + " — no backup was written", e);
    }
    List<String> problems = ContentsCheck.problems(manifest, contents);
    if (!problems.isEmpty()) {
      throw new BackupException("the backup file read back does not hold what the database held: "
          + String.join("; ", problems) + " — no backup was written (if the database changed while it was backed "
          + "up, take the backup again)");
    }
  }

  /** The file system's reason; Java's own message for some is only the path. */
  private static String describe(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException denied) {
      return "cannot create " + denied.getFile() + " (permission denied)";
    }
    if (e instanceof java.nio.file.NoSuchFileException missing) {
      return "cannot create " + missing.getFile() + " (no such file or directory)";
    }
    return e.getMessage();
  }

  private static void write(AtomicFile file, String text, String what) throws IOException {
    try {
      file.stream().write(text.getBytes(StandardCharsets.UTF_8));
      file.sync();
    } catch (IOException e) {
      throw new IOException(describe(e) + " (writing " + what + ")", e);
    }
  }

  /** After a failed rename: the files of this backup that already have their names go too. */
  private static void removeNamed(List<Path> named, Backups.Files3 files) {
    if (named.contains(files.backup())) {
      return;
    }
    for (Path file : named) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // without the backup file, a manifest or checksum is refused by every check
      }
    }
  }

  private Manifest manifest(Snapshot snapshot, String file, String sha256, String changelog) {
    Map<String, Manifest.Table> tables = new TreeMap<>();
    for (Map.Entry<String, TableFingerprint> table : snapshot.data().tables().entrySet()) {
      tables.put(table.getKey(), new Manifest.Table(table.getValue().rows(), table.getValue().hash()));
    }
    return new Manifest(Manifest.FORMAT, snapshot.label(), database.kind(), Instant.now().toString(), file, sha256,
        snapshot.version() == null ? "base" : snapshot.version(), changelog, snapshot.schema().hash(), tables);
  }
}
