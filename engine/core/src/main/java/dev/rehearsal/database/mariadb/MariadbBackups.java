package dev.rehearsal.database.mariadb;

import dev.rehearsal.database.BackupContents;
import dev.rehearsal.database.BackupTool;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ToolProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB's backup tool: {@code mariadb-dump} writing SQL to its standard output, which Rehearsal writes to the
 * backup file; {@link MariadbDump} to read it back; the {@code mariadb} client fed the file on its standard input to
 * restore it, stopping at the first error, as the database's own user. MariaDB's DDL is not transactional: a
 * restore that fails halfway leaves the tables it had created, and says so.
 */
final class MariadbBackups implements BackupTool {

  private final MariadbDatabase server;
  private final MariadbTools tools;

  MariadbBackups(MariadbDatabase server, MariadbTools tools) {
    this.server = server;
    this.tools = tools;
  }

  @Override
  public String extension() {
    return ".sql";
  }

  /**
   * Dumps through the door user, which may read routine bodies; one consistent snapshot
   * ({@code --single-transaction}), binary values in hex, no date in the file (two dumps of the same data are the
   * same bytes), and no {@code CREATE DATABASE} or {@code USE}: a dump restores into whatever database it is fed to.
   */
  @Override
  public void write(String location, OutputStream out) throws IOException {
    MariadbUrl door = server.doorUrl();
    List<String> command = new ArrayList<>(List.of(tools.dump()));
    command.addAll(MariadbTools.connection(door));
    command.addAll(List.of("--single-transaction", "--routines", "--triggers", "--hex-blob", "--skip-dump-date",
        "--default-character-set=utf8mb4", "--", location));
    ToolProcess.Result result = new ToolProcess(command, MariadbTools.environment(door),
        "back up database " + location).run(out);
    if (!result.ok()) {
      throw DatabaseException.failed("cannot back up database " + location + ": " + command.get(0) + " exited with "
          + result.exitCode() + ": " + MariadbUrl.redact(result.errors().strip()), null);
    }
  }

  @Override
  public BackupContents read(Path file) {
    return MariadbDump.read(file, false);
  }

  @Override
  public String formatOf(Path file) {
    if (!MariadbDump.isDump(file)) {
      throw DatabaseException.failed(file.getFileName() + " is not a mariadb-dump or mysqldump file", null);
    }
    return "mariadb-dump SQL";
  }

  @Override
  public BackupContents readExternal(Path file) {
    return MariadbDump.read(file, true);
  }

  @Override
  public void restoreExternal(Path file, String location) {
    restore(file, location);
  }

  @Override
  public void restore(Path file, String location) {
    MariadbUrl url = server.urlOf(location);
    empty(url, location);
    List<String> command = new ArrayList<>(List.of(tools.client()));
    command.addAll(MariadbTools.connection(url));
    command.addAll(List.of("--batch", "--binary-mode", "--default-character-set=utf8mb4", "--database=" + location));
    String doing = "restore " + file.getFileName() + " into " + location;
    ToolProcess.Result result;
    try {
      result = new ToolProcess(command, MariadbTools.environment(url), doing).input(file, MariadbDump::withoutDefiners)
          .run(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot " + doing + ": " + e.getMessage(), e);
    }
    if (!result.ok()) {
      throw DatabaseException.failed("cannot " + doing + ": " + command.get(0) + " exited with " + result.exitCode()
          + " (the database was emptied; MariaDB's DDL is not transactional, so what the restore created before the "
          + "error is still there): " + MariadbUrl.redact(result.errors().strip()), null);
    }
  }

  /** Drops every table, view, sequence and routine of the database (triggers go with their tables). */
  private void empty(MariadbUrl url, String location) {
    try (Connection connection = server.connect(url, "database " + location);
        Statement statement = connection.createStatement()) {
      List<String> drops = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery("SELECT TABLE_TYPE, TABLE_NAME FROM information_schema.TABLES "
          + "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_TYPE = 'VIEW' DESC")) {
        while (rs.next()) {
          String kind = switch (rs.getString(1)) {
            case "VIEW" -> "VIEW";
            case "SEQUENCE" -> "SEQUENCE";
            default -> "TABLE";
          };
          drops.add("DROP " + kind + " IF EXISTS " + MariadbSql.id(rs.getString(2)));
        }
      }
      try (ResultSet rs = statement.executeQuery("SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES "
          + "WHERE ROUTINE_SCHEMA = DATABASE()")) {
        while (rs.next()) {
          drops.add("DROP " + rs.getString(1) + " IF EXISTS " + MariadbSql.id(rs.getString(2)));
        }
      }
      statement.execute("SET FOREIGN_KEY_CHECKS = 0");
      for (String drop : drops) {
        statement.execute(drop);
      }
    } catch (SQLException e) {
      throw DatabaseException.of("cannot empty database " + location + " before restoring", e);
    }
  }
}
