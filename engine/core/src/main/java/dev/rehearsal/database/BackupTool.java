package dev.rehearsal.database;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * One engine's backup tool: writes a backup through Rehearsal, reads a backup file back, and restores one. The
 * {@code backup} package does the rest (temporary file, checksum, manifest, checks, renames) once for every engine.
 */
public interface BackupTool {

  /** The file extension of this engine's backups, e.g. {@code .sqlite} or {@code .dump}. */
  String extension();

  /**
   * Writes a complete backup of the database at {@code location} into {@code out}, in the engine's own format. A
   * dump tool's standard output is piped into {@code out} ({@link ToolProcess}); the tool never writes a file of
   * its own, so what the file holds is exactly what Rehearsal wrote.
   *
   * @throws IOException when writing to {@code out} fails (a full disk); the tool is stopped then
   * @throws DatabaseException when the tool fails (not infrastructure: this backup failed), or cannot be run
   *     (infrastructure, saying what to install)
   */
  void write(String location, OutputStream out) throws IOException;

  /**
   * Reads a backup file back with the engine's own reader, all of it, and says what it holds. Used before a
   * backup gets its final name and before anything is restored from one.
   *
   * @throws DatabaseException (not infrastructure) when the engine cannot read it: not its format, truncated or
   *     corrupt; infrastructure when the reader cannot be run
   */
  BackupContents read(Path file);

  /**
   * Replaces everything in the database at {@code location} by the content of the backup {@code file}, which the
   * caller has read back and checked first.
   *
   * @throws DatabaseException when the restore fails
   */
  void restore(Path file, String location);

  /**
   * The format of a backup file Rehearsal did not write (an operator's nightly dump), from its first bytes, as shown
   * in reports: e.g. {@code pg_dump custom archive}.
   *
   * @throws DatabaseException (not infrastructure) when it is in no format of this engine, saying what it looks like
   */
  String formatOf(Path file);

  /**
   * Reads a backup file Rehearsal did not write, all of it, as {@link #read} does, and refuses what a restore of it
   * must not do: reach outside the database it is restored into (another database, the server, its files). Such a
   * file has no manifest to be checked against, or one Rehearsal did not write.
   *
   * @throws DatabaseException (not infrastructure) when it cannot be read, or is refused, naming why
   */
  default BackupContents readExternal(Path file) {
    return read(file);
  }

  /**
   * Restores a backup file Rehearsal did not write, which {@link #readExternal} has read, into the database at
   * {@code location}; the file is only read.
   *
   * @throws DatabaseException when the restore fails or is refused
   */
  default void restoreExternal(Path file, String location) {
    restore(file, location);
  }
}
