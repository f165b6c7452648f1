package dev.rehearsal.cli;

import dev.rehearsal.backup.Backups;
import dev.rehearsal.backup.Manifest;
import dev.rehearsal.database.Connector;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.Session;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.Outcome;
import dev.rehearsal.run.Project;
import dev.rehearsal.schema.Snapshot;
import dev.rehearsal.schema.Snapshots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The database an operator named with {@code --db}, as the configured database (kind and MyBatis environment) it
 * is; and where the backups that {@code apply} and {@code rollback} take of it go:
 * {@code paths.backups/<configured name>/<file or database name>/<UTC time>-before-<command>-<target><ext>}.
 */
final class NamedDatabase {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'")
      .withZone(ZoneOffset.UTC);
  private static final String STAMPED = "\\d{8}T\\d{9}Z-.*";

  final Project project;
  final Database database;
  /** What {@code --db} said: a file path or a database name. */
  final String db;

  NamedDatabase(Project project, Database database, String db) {
    this.project = project;
    this.database = database;
    this.db = db;
  }

  /** Whether {@code --db} is a file (SQLite) rather than a database name on a server. */
  boolean isFile() {
    return database.kind().equals("sqlite");
  }

  /** For a file, its absolute path; else the database name. */
  String location() {
    return isFile() ? file().toString() : db;
  }

  Path file() {
    return Path.of(db).toAbsolutePath().normalize();
  }

  boolean exists() {
    return !isFile() || Files.isRegularFile(file());
  }

  Connector connector() {
    return database.existing(db);
  }

  MigrationRepository repository() {
    return project.repository(database);
  }

  Migrator migrator() {
    return new Migrator(repository(), connector());
  }

  /** The schema and data as they are now, for a manifest or to compare with one. */
  Snapshot snapshot(String label) {
    Connector connector = connector();
    String changelog = repository().changelogTable();
    try (Session session = new Session(database, connector)) {
      return new Snapshot(label, Outcome.show(new Migrator(repository(), connector).version()),
          Snapshots.schema(session, changelog), Snapshots.data(session, changelog, List.of()));
    }
  }

  /** Writes a checksummed backup with its manifest to {@code file}, read back before it gets its name. */
  Manifest backup(Path file, boolean force) {
    String label = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    return Backups.write(database, db, file, snapshot(label), repository().changelogTable(), force);
  }

  /**
   * Where the backups {@code apply} and {@code rollback} take of this database go: a directory of its own, named after
   * it and, where the name alone could be another database's, a hash of what tells them apart (a SQLite file's
   * absolute path: {@code app.sqlite-1f2e3d4c}; a server database's name when it holds characters that a directory
   * name cannot), so that {@code restore --latest} never takes another database's backup.
   */
  Path backupsDir() {
    String name;
    if (isFile()) {
      name = file().getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
          + shortHash(file().toAbsolutePath().normalize().toString());
    } else {
      String safe = db.replaceAll("[^A-Za-z0-9._-]", "_");
      name = safe.equals(db) ? db : safe + "-" + shortHash(db);
    }
    return project.config().backupsDir().resolve(database.name()).resolve(name);
  }

  private static String shortHash(String text) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** A new backup file in {@link #backupsDir()}, named for now and for what it was taken before. */
  Path newBackup(Clock clock, String before) {
    return backupsDir().resolve(STAMP.format(clock.instant()) + "-before-" + before
        + database.backups().extension());
  }

  /** The newest backup in {@link #backupsDir()} (by the time in its name), if any. */
  Optional<Path> latestBackup() {
    Path dir = backupsDir();
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    String extension = database.backups().extension();
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches(STAMPED)
          && f.getFileName().toString().endsWith(extension) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
          .max(Comparator.comparing(f -> f.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the backups in " + dir + ": " + e.getMessage(), e);
    }
  }
}
