package dev.rehearsal.database.mariadb;

import dev.rehearsal.database.DatabaseException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies of a cached migrated state: the state dumped once ({@code mariadb-dump}, the same dump a backup writes) and
 * loaded into each new scratch database as a restore does, as that database's own user. Measured against
 * {@code CREATE TABLE ... LIKE} with {@code INSERT ... SELECT} in docs/performance.md; that way leaves out foreign
 * keys, views, triggers and routines, so it would not be exact.
 */
final class StateCopies {

  private final MariadbScratches scratches;
  private final MariadbBackups backups;

  StateCopies(MariadbScratches scratches, MariadbBackups backups) {
    this.scratches = scratches;
    this.backups = backups;
  }

  MariadbScratch copy(MariadbScratch state, String label) {
    Path dump = dumpOf(state);
    MariadbScratch copy = scratches.create(label);
    try {
      backups.restore(dump, copy.location());
      return copy;
    } catch (RuntimeException e) {
      copy.close();
      throw e;
    }
  }

  /** The state's dump, written once beside nothing else (a temporary file deleted when the JVM exits). */
  private synchronized Path dumpOf(MariadbScratch state) {
    if (state.dump() != null) {
      return state.dump();
    }
    try {
      Path file = Files.createTempFile("rehearsal-state-", ".sql");
      file.toFile().deleteOnExit();
      try (OutputStream out = Files.newOutputStream(file)) {
        backups.write(state.location(), out);
      }
      backups.read(file);
      state.dumped(file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot dump the cached state " + state.location() + ": " + e.getMessage(), e);
    } catch (DatabaseException e) {
      throw DatabaseException.failed("cannot copy the cached state " + state.location() + ": " + e.getMessage(), e);
    }
  }
}
