package dev.rehearsal.database.postgres;

import dev.rehearsal.database.DatabaseException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** PostgreSQL's backup tool: {@code pg_dump --format=custom} to back up, {@code pg_restore} to restore. */
final class PostgresBackups {

  private final PostgresDatabase server;
  private final PgUrl door;
  private final PgTools tools;

  PostgresBackups(PostgresDatabase server, PgUrl door, PgTools tools) {
    this.server = server;
    this.door = door;
    this.tools = tools;
  }

  void backup(String location, Path file) {
    PgUrl url = door.withDatabase(location);
    String pgDump = tools.find("pg_dump", serverMajor());
    List<String> command = new ArrayList<>(List.of(pgDump, "--format=custom", "--file=" + file));
    command.addAll(PgTools.connection(url));
    command.add("--dbname=" + location);
    try {
      tools.run(command, PgTools.environment(url), "back up database " + location);
    } catch (DatabaseException e) {
      // pg_dump is there and ran: what failed is this backup (a full disk, say), not the environment.
      throw DatabaseException.failed(e.getMessage(), e);
    }
  }

  void restore(Path file, String location) {
    PgUrl url = door.withDatabase(location);
    String pgRestore = tools.find("pg_restore", serverMajor());
    empty(url, location);
    List<String> command = new ArrayList<>(List.of(pgRestore, "--no-owner", "--no-privileges", "--exit-on-error"));
    command.addAll(PgTools.connection(url));
    command.add("--dbname=" + location);
    command.add(file.toString());
    tools.run(command, PgTools.environment(url), "restore " + file.getFileName() + " into " + location);
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
