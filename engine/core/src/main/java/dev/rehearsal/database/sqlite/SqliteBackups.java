package dev.rehearsal.database.sqlite;

import dev.rehearsal.database.BackupContents;
import dev.rehearsal.database.BackupTool;
import dev.rehearsal.database.DatabaseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * SQLite's backup tool: the online backup API. It writes a file, not a stream, so the backup is made into a private
 * scratch directory and copied from there into the stream Rehearsal writes; reading a backup back opens it
 * read-only and immutable (no journal, no lock, nothing written beside it) and runs {@code PRAGMA integrity_check}.
 */
final class SqliteBackups implements BackupTool {

  private final SqliteDatabase sqlite;

  SqliteBackups(SqliteDatabase sqlite) {
    this.sqlite = sqlite;
  }

  @Override
  public String extension() {
    return ".sqlite";
  }

  @Override
  public void write(String location, OutputStream out) throws IOException {
    // A directory like a scratch database's (marked), so that 'rehearse clean' removes it after a kill -9.
    SqliteScratch copy = (SqliteScratch) sqlite.createScratch("backup");
    try {
      try (Connection connection = SqliteDatabase.open(Path.of(location), false);
          Statement statement = connection.createStatement()) {
        statement.executeUpdate("backup to " + literal(Path.of(copy.location())));
      } catch (SQLException e) {
        throw DatabaseException.of("cannot back up " + location, e);
      }
      Files.copy(Path.of(copy.location()), out);
    } finally {
      copy.close();
    }
  }

  @Override
  public BackupContents read(Path file) {
    checkHeader(file);
    try (Connection connection = readOnly(file); Statement statement = connection.createStatement()) {
      List<String> problems = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
        while (rs.next() && problems.size() < 5) {
          problems.add(rs.getString(1));
        }
      }
      if (!problems.equals(List.of("ok"))) {
        throw DatabaseException.failed("SQLite's integrity check of " + file + " failed: "
            + String.join("; ", problems), null);
      }
      Map<String, Long> tables = new LinkedHashMap<>();
      for (String table : SqliteFingerprints.tables(connection, Set.of()).keySet()) {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + SqliteCatalog.quote(table))) {
          rs.next();
          tables.put(table, rs.getLong(1));
        }
      }
      return new BackupContents(tables);
    } catch (SQLException e) {
      throw DatabaseException.of("cannot read " + file + " as a SQLite database", e);
    }
  }

  /**
   * Copies the backup into the database at {@code location} with the online backup API, from a read-only, immutable
   * handle on the backup: SQLite's own {@code restore from} opens the backup as a database, and so leaves
   * {@code -wal} and {@code -shm} files beside one in WAL mode and may write to it when it closes.
   */
  @Override
  public void restore(Path file, String location) {
    try (Connection backup = readOnly(file); Statement statement = backup.createStatement()) {
      statement.executeUpdate("backup to " + literal(Path.of(location)));
    } catch (SQLException e) {
      throw DatabaseException.of("cannot restore " + file + " into " + location, e);
    }
  }

  @Override
  public String formatOf(Path file) {
    checkHeader(file);
    return "SQLite database file";
  }

  private static Connection readOnly(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.resetOpenMode(SQLiteOpenMode.CREATE);
    return config.createConnection("jdbc:sqlite:file:" + uriPath(file) + "?immutable=1");
  }

  /**
   * The file starts as every SQLite database does, and is as long as its header says (page size times page count,
   * when the header's count is valid): a cut file is named as such before SQLite calls it malformed.
   */
  private static void checkHeader(Path file) {
    byte[] header = new byte[100];
    long size;
    try (InputStream in = Files.newInputStream(file)) {
      size = Files.size(file);
      if (size == 0) {
        return; // the backup of a database that never had a page
      }
      if (in.readNBytes(header, 0, 100) < 100 || !new String(header, 0, 16, StandardCharsets.ISO_8859_1)
          .equals("SQLite format 3\0")) {
        throw DatabaseException.failed(file + " is not a SQLite database (it does not start with SQLite's header)",
            null);
      }
    } catch (IOException e) {
      throw DatabaseException.failed("cannot read " + file + ": " + e.getMessage(), e);
    }
    ByteBuffer fields = ByteBuffer.wrap(header);
    int pageSize = Short.toUnsignedInt(fields.getShort(16));
    long pages = Integer.toUnsignedLong(fields.getInt(28));
    boolean countValid = pages > 0 && fields.getInt(24) == fields.getInt(92);
    long expected = (pageSize == 1 ? 65536 : pageSize) * pages;
    if (countValid && size != expected) {
      throw DatabaseException.failed(file + " is truncated or padded: " + size + " bytes, its header says "
          + expected, null);
    }
  }

  private static String literal(Path file) {
    return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  /** A path as a SQLite URI's path: the characters a URI gives a meaning escaped. */
  private static String uriPath(Path file) {
    return file.toAbsolutePath().toString().replace("%", "%25").replace("?", "%3f").replace("#", "%23");
  }
}
