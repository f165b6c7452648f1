package dev.rehearsal.database.sqlite;

import dev.rehearsal.database.BackupTool;
import dev.rehearsal.database.Catalog;
import dev.rehearsal.database.Connector;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ScratchDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * SQLite, embedded: each scenario run gets its own file in a temporary directory. Connections enforce foreign keys
 * (SQLite's default is not to), so that cascades and violations behave as on a server database.
 */
public final class SqliteDatabase implements Database {

  public static final String KIND = "sqlite";

  /** Scratch directories are named {@code rehearsal-*} and hold this marker file, which {@code clean} looks for. */
  static final String PREFIX = "rehearsal-";
  static final String MARKER = ".rehearsal-scratch";

  private final String name;

  public SqliteDatabase(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String version() {
    try (Connection connection = new SQLiteConfig().createConnection("jdbc:sqlite::memory:");
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT sqlite_version()")) {
      rs.next();
      return "SQLite " + rs.getString(1);
    } catch (SQLException e) {
      throw DatabaseException.infrastructure("cannot load the SQLite driver", e);
    }
  }

  @Override
  public ScratchDatabase createScratch(String label) {
    try {
      Path directory = Files.createTempDirectory(PREFIX);
      Files.writeString(directory.resolve(MARKER), "Rehearsal scratch database; label " + label + "; created "
          + Instant.now() + System.lineSeparator());
      return new SqliteScratch(directory, directory.resolve(safe(label) + ".sqlite"));
    } catch (IOException e) {
      throw DatabaseException.infrastructure("cannot create a temporary SQLite database", e);
    }
  }

  @Override
  public ScratchDatabase createScratchFrom(ScratchDatabase template, String label) {
    SqliteScratch scratch = (SqliteScratch) createScratch(label);
    try {
      Files.copy(Path.of(template.location()), Path.of(scratch.location()));
      return scratch;
    } catch (IOException e) {
      scratch.close();
      throw DatabaseException.infrastructure("cannot copy the cached database " + template.location(), e);
    }
  }

  @Override
  public List<String> clean(Duration olderThan, java.util.function.Consumer<String> skipped,
      java.util.function.Consumer<String> young) {
    Path temp = Path.of(System.getProperty("java.io.tmpdir"));
    Instant cutoff = Instant.now().minus(olderThan);
    List<String> removed = new ArrayList<>();
    try (Stream<Path> entries = Files.list(temp)) {
      for (Path dir : entries.filter(p -> p.getFileName().toString().startsWith(PREFIX)).sorted().toList()) {
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
          continue;
        }
        Instant created = Files.getLastModifiedTime(marker).toInstant();
        if (created.isBefore(cutoff)) {
          SqliteScratch.delete(dir);
          removed.add(dir.toString());
        } else {
          young.accept(dir + ": created " + created + ", less than " + olderThan + " ago (a run may be using it)");
        }
      }
    } catch (IOException e) {
      throw DatabaseException.infrastructure("cannot list " + temp, e);
    }
    return removed;
  }

  @Override
  public Connector existing(String location) {
    Path file = Path.of(location).toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw DatabaseException.infrastructure("cannot open SQLite database " + file,
          new IOException("no such file — give the path of an existing database file"));
    }
    return () -> open(file, false);
  }

  @Override
  public BackupTool backups() {
    return new SqliteBackups(this);
  }

  @Override
  public dev.rehearsal.database.ClassifiedError classify(SQLException error) {
    return SqliteErrors.classify(error);
  }

  @Override
  public dev.rehearsal.database.SeedDialect seedDialect() {
    return new SqliteSeedDialect();
  }

  @Override
  public Catalog catalog() {
    return new SqliteCatalog();
  }

  /**
   * A connection that stays in its own file: no other database can be attached (the attached-database limit is 0,
   * which also refuses {@code VACUUM INTO} and {@code VACUUM}, both of which attach a file), and no extension can be
   * loaded. Rehearsal's own copies do not need either: the online backup and restore open a handle of their own, and
   * the cache copies the file.
   */
  static Connection open(Path file, boolean create) {
    return open(file, create, false);
  }

  /**
   * @param scratch a scratch database, which no one needs after a crash of the machine: its commits are not synced
   *     to disk ({@code synchronous=OFF}), which makes them many times faster on a busy disk while leaving
   *     transactions as atomic for the process as before. A database the operator names never gets this.
   */
  static Connection open(Path file, boolean create, boolean scratch) {
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setBusyTimeout(5_000);
    if (scratch) {
      config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
    }
    config.setPragma(SQLiteConfig.Pragma.LIMIT_ATTACHED, "0");
    config.enableLoadExtension(false);
    if (!create) {
      config.resetOpenMode(SQLiteOpenMode.CREATE);
    }
    try {
      return config.createConnection("jdbc:sqlite:" + file);
    } catch (SQLException e) {
      throw DatabaseException.infrastructure("cannot open SQLite database " + file, e);
    }
  }

  private static String safe(String label) {
    String cleaned = label.replaceAll("[^A-Za-z0-9._-]+", "-");
    return cleaned.isEmpty() ? "scenario" : cleaned;
  }
}
