package dev.rehearsal.database.sqlite;

import dev.rehearsal.database.ScratchDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** A SQLite file in a directory of its own; closing removes the directory (and the journal files with it). */
final class SqliteScratch implements ScratchDatabase {

  private static final Logger LOG = Logger.getLogger(SqliteScratch.class.getName());

  private final Path directory;
  private final Path file;
  private boolean keep;

  SqliteScratch(Path directory, Path file) {
    this.directory = directory;
    this.file = file;
  }

  @Override
  public Connection connect() {
    return SqliteDatabase.open(file, true, true);
  }

  @Override
  public String location() {
    return file.toString();
  }

  @Override
  public String openCommand() {
    return "sqlite3 " + file;
  }

  @Override
  public void keep() {
    keep = true;
  }

  @Override
  public void close() {
    if (keep) {
      return;
    }
    delete(directory);
  }

  static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      LOG.log(Level.WARNING, e, () -> "could not remove scratch database " + directory);
    }
  }
}
