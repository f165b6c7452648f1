package dev.rehearsal.database.mariadb;

import dev.rehearsal.database.BackupContents;
import dev.rehearsal.database.DatabaseException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code mariadb-dump} (or {@code mysqldump}) file back, all of it: its header, every table it creates and
 * the rows of its {@code INSERT} statements (counted outside string literals), and its closing
 * {@code -- Dump completed} line, without which the file is truncated. Bytes are read as ISO-8859-1, so that any
 * byte of a value passes unchanged; quotes and parentheses are ASCII in every encoding a dump uses.
 */
final class MariadbDump {

  private static final Pattern CREATE = Pattern.compile("^CREATE TABLE `((?:[^`]|``)+)` \\(");
  private static final Pattern INSERT = Pattern.compile("^INSERT INTO `((?:[^`]|``)+)` (?:\\([^)]*\\) )?VALUES");
  /** A DEFINER clause: the user a view, trigger or routine runs as, which only a privileged user may name. */
  private static final Pattern DEFINER = Pattern.compile(
      "DEFINER=(?:`(?:[^`]|``)*`|'(?:[^']|'')*'|[^\\s@*]+)@(?:`(?:[^`]|``)*`|'(?:[^']|'')*'|[^\\s*]+)");
  /** Statements a restore into one scratch database must not run: they reach other databases or the server. */
  private static final Pattern FOREIGN = Pattern.compile("^(?:USE |CREATE DATABASE|DROP DATABASE|GRANT |REVOKE "
      + "|CREATE USER|DROP USER|ALTER USER|SET PASSWORD|INSTALL |/\\*!\\d+ (?:USE|CREATE DATABASE))",
      Pattern.CASE_INSENSITIVE);

  private MariadbDump() {}

  /** Whether the first bytes are a dump's header. */
  static boolean isDump(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(512), StandardCharsets.ISO_8859_1);
      return head.contains("-- MariaDB dump") || head.contains("-- MySQL dump");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * @param external a file Rehearsal did not write: statements that reach outside its database are refused
   * @throws DatabaseException (not infrastructure) when it is not a complete dump
   */
  static BackupContents read(Path file, boolean external) {
    if (!isDump(file)) {
      throw DatabaseException.failed(file.getFileName() + " is not a mariadb-dump file (no '-- MariaDB dump' "
          + "header)", null);
    }
    Map<String, Long> tables = new LinkedHashMap<>();
    boolean completed = false;
    long number = 0;
    Values values = null;
    String inserting = null;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        completed = line.startsWith("-- Dump completed");
        Matcher create = CREATE.matcher(line);
        if (create.find()) {
          tables.putIfAbsent(name(create.group(1)), 0L);
          continue;
        }
        if (values != null) {
          values.scan(line, 0);
          if (values.ended) {
            tables.merge(inserting, values.rows, Long::sum);
            values = null;
          }
          continue;
        }
        Matcher insert = INSERT.matcher(line);
        if (insert.find()) {
          inserting = name(insert.group(1));
          values = new Values();
          values.scan(line, insert.end());
          if (values.ended) {
            tables.merge(inserting, values.rows, Long::sum);
            values = null;
          }
        } else if (external && FOREIGN.matcher(line).find()) {
          throw DatabaseException.failed(file.getFileName() + ":" + number + ": refused: a statement that reaches "
              + "outside the database it is restored into (USE, CREATE/DROP DATABASE, users and grants)", null);
        }
      }
    } catch (IOException e) {
      throw DatabaseException.failed("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
    }
    if (!completed) {
      throw DatabaseException.failed(file.getFileName() + " is truncated: it does not end with the '-- Dump "
          + "completed' line mariadb-dump writes last", null);
    }
    return new BackupContents(tables);
  }

  private static String name(String quoted) {
    return quoted.replace("``", "`");
  }

  /**
   * The rows of one INSERT's VALUES list, which mariadb-dump spreads over lines (a tuple a line): its parenthesised
   * tuples at depth 0, string literals skipped, until the {@code ;} that ends it.
   */
  static final class Values {
    long rows;
    boolean ended;
    private int depth;
    private boolean quoted;

    void scan(String line, int from) {
      for (int i = from; i < line.length() && !ended; i++) {
        char c = line.charAt(i);
        if (quoted) {
          if (c == '\\') {
            i++;
          } else if (c == '\'') {
            quoted = false;
          }
        } else if (c == '\'') {
          quoted = true;
        } else if (c == '(') {
          if (depth++ == 0) {
            rows++;
          }
        } else if (c == ')') {
          depth--;
        } else if (c == ';' && depth == 0) {
          ended = true;
        }
      }
    }
  }

  /**
   * The dump as a restore feeds it to the client: DEFINER clauses left out, so that views, triggers and routines
   * belong to the user restoring (a scratch user may not name another), line by line.
   */
  static InputStream withoutDefiners(InputStream raw) {
    return new FilterInputStream(new BufferedInputStream(raw, 64 * 1024)) {
      private InputStream line = new ByteArrayInputStream(new byte[0]);
      private boolean done;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        while (true) {
          int n = line.read(buffer, offset, length);
          if (n > 0 || done) {
            return n > 0 ? n : -1;
          }
          ByteArrayOutputStream next = new ByteArrayOutputStream();
          for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
              done = true;
              break;
            }
            next.write(b);
            if (b == '\n') {
              break;
            }
          }
          String text = next.toString(StandardCharsets.ISO_8859_1);
          if (text.contains("DEFINER=")) {
            text = DEFINER.matcher(text).replaceAll("");
          }
          line = new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
        }
      }
    };
  }
}
