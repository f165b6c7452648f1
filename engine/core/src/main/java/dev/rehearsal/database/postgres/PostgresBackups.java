package dev.rehearsal.database.postgres;

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
 * PostgreSQL's backup tool: {@code pg_dump --format=custom} writing to its standard output, which Rehearsal writes to
 * the backup file; {@link PgArchive} to read an archive back; {@code pg_restore} fed the archive on its standard input
 * to restore, in one transaction.
 */
final class PostgresBackups implements BackupTool {

  private final PostgresDatabase server;
  private final PgUrl door;
  private final PgTools tools;

  PostgresBackups(PostgresDatabase server, PgUrl door, PgTools tools) {
    this.server = server;
    this.door = door;
    this.tools = tools;
  }

  @Override
  public String extension() {
    return ".dump";
  }

  @Override
  public void write(String location, OutputStream out) throws IOException {
    PgUrl url = door.withDatabase(location);
    List<String> command = new ArrayList<>(List.of(tools.find("pg_dump", serverMajor()), "--format=custom"));
    command.addAll(PgTools.connection(url));
    command.add("--dbname=" + location);
    ToolProcess.Result result = new ToolProcess(command, PgTools.environment(url), "back up database " + location)
        .run(out);
    if (!result.ok()) {
      // pg_dump is there and ran: what failed is this backup, not the environment.
      throw DatabaseException.failed("cannot back up database " + location + ": pg_dump exited with "
          + result.exitCode() + ": " + PgUrl.redact(result.errors().strip()), null);
    }
  }

  @Override
  public BackupContents read(Path file) {
    return PgArchive.read(tools, file);
  }

  @Override
  public void restore(Path file, String location) {
    PgUrl url = door.withDatabase(location);
    String pgRestore = tools.find("pg_restore", serverMajor());
    empty(url, location);
    List<String> command = new ArrayList<>(List.of(pgRestore, "--no-owner", "--no-privileges", "--exit-on-error",
        "--single-transaction"));
    command.addAll(PgTools.connection(url));
    command.add("--dbname=" + location);
    String doing = "restore " + file.getFileName() + " into " + location;
    ToolProcess.Result result;
    try {
      result = new ToolProcess(command, PgTools.environment(url), doing).input(file)
          .run(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot " + doing + ": " + e.getMessage(), e);
    }
    if (!result.ok()) {
      throw DatabaseException.failed("cannot " + doing + ": pg_restore exited with " + result.exitCode() + ": "
          + PgUrl.redact(result.errors().strip()), null);
    }
  }

  /** Drops every schema of the database (and what is in them) and recreates an empty public schema. */
  private void empty(PgUrl url, String location) {
    try (Connection connection = server.connect(url, "database " + location);
        Statement statement = connection.createStatement()) {
      List<String> schemas = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
          + "AND nspname <> 'information_schema'")) {
        while (rs.next()) {
          schemas.add(rs.getString(1));
        }
      }
      for (String schema : schemas) {
        statement.execute("DROP SCHEMA " + server.quote(schema) + " CASCADE");
      }
      statement.execute("CREATE SCHEMA public");
    } catch (SQLException e) {
      throw DatabaseException.of("cannot empty database " + location + " before restoring", e);
    }
  }

  private int serverMajor() {
    try (Connection admin = server.connect(door, "PostgreSQL"); Statement statement = admin.createStatement();
        ResultSet rs = statement.executeQuery("SHOW server_version_num")) {
      rs.next();
      return Integer.parseInt(rs.getString(1)) / 10000;
    } catch (SQLException e) {
      throw DatabaseException.infrastructure("cannot read the version of PostgreSQL at " + door.shown(), e,
          PostgresDatabase.hint(e));
    }
  }
}
