package dev.rehearsal.database.postgres;

import dev.rehearsal.database.BackupContents;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ToolProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code pg_dump --format=custom} archive back with {@code pg_restore}, without a server: its table of
 * contents ({@code pg_restore --list}), then every byte of it, as the SQL script {@code pg_restore} makes of it, in
 * which each table's rows are one {@code COPY} block, one line per row. A truncated or damaged archive fails
 * there ("could not read from input file: end of file"), whatever its table of contents says.
 */
final class PgArchive {

  static final String COMPLETE = "-- PostgreSQL database dump complete";

  private PgArchive() {}

  static BackupContents read(PgTools tools, Path file) {
    return read(tools, file, false);
  }

  /**
   * As {@link #read(PgTools, Path)}, for an archive Rehearsal did not write: the script is made as the restore will
   * run it ({@code --no-owner --no-privileges}), and every statement of it is checked by {@link PlainScript}.
   */
  static BackupContents readExternal(PgTools tools, Path file) {
    return read(tools, file, true);
  }

  private static BackupContents read(PgTools tools, Path file, boolean external) {
    String pgRestore = tools.find("pg_restore", 0);
    ByteArrayOutputStream toc = new ByteArrayOutputStream();
    run(List.of(pgRestore, "--list"), file, toc);
    long tableData = toc.toString(StandardCharsets.UTF_8).lines().filter(PgArchive::isTableData).count();
    CopyBlocks blocks = new CopyBlocks();
    if (external) {
      PlainScript script = new PlainScript(OutputStream.nullOutputStream());
      run(List.of(pgRestore, "--no-owner", "--no-privileges", "--file=-"), file, new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
          blocks.write(bytes, offset, length);
          script.write(bytes, offset, length);
        }
      });
      try {
        script.close();
      } catch (PlainScript.Refused e) {
        throw refused(file, e);
      } catch (IOException e) {
        throw new IllegalStateException("a script checked in memory cannot fail to be written", e);
      }
    } else {
      run(List.of(pgRestore, "--file=-"), file, blocks);
    }
    if (!blocks.complete()) {
      throw DatabaseException.failed("pg_restore read " + file + " without reaching the end of the dump — the "
          + "archive is incomplete", null);
    }
    if (blocks.rows().size() != tableData) {
      throw DatabaseException.failed(file + " lists " + tableData + " tables with data, but holds the rows of "
          + blocks.rows().size() + " — the archive is incomplete", null);
    }
    return new BackupContents(blocks.rows());
  }

  /** Runs pg_restore on {@code file} (fed on its standard input), its output into {@code out}. */
  private static void run(List<String> command, Path file, OutputStream out) {
    ToolProcess.Result result;
    try {
      result = new ToolProcess(command, Map.of(), "read " + file.getFileName()).input(file).run(out);
    } catch (PlainScript.Refused e) {
      throw refused(file, e);
    } catch (IOException e) {
      throw DatabaseException.failed("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (!result.ok()) {
      throw DatabaseException.failed("pg_restore cannot read " + file + " (exit " + result.exitCode() + "): "
          + PgUrl.redact(result.errors().strip()), null);
    }
  }

  private static DatabaseException refused(Path file, PlainScript.Refused e) {
    return DatabaseException.failed(file.getFileName() + ": line " + e.line() + " of the SQL pg_restore makes of it: "
        + e.getMessage() + " — refused, nothing of it was run", e);
  }

  /** A line of {@code pg_restore --list}: {@code 3350; 0 16390 TABLE DATA public users postgres}. */
  private static boolean isTableData(String line) {
    int semicolon = line.indexOf("; ");
    if (line.startsWith(";") || semicolon < 0) {
      return false;
    }
    String[] words = line.substring(semicolon + 2).split(" ", 4);
    return words.length == 4 && words[2].equals("TABLE") && words[3].startsWith("DATA ");
  }
}
