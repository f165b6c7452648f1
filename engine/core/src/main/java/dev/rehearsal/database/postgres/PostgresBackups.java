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
 * to restore, in one transaction. Dumps Rehearsal did not write may also be plain SQL ({@link PgPlainDump}).
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
    PgUrl url = server.urlOf(location);
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
  public String formatOf(Path file) {
    return PgFormat.of(file).shown();
  }

  /** A custom archive is read back as its own backups are, its SQL checked too; a plain dump is read as text. */
  @Override
  public BackupContents readExternal(Path file) {
    return PgFormat.of(file) == PgFormat.CUSTOM ? PgArchive.readExternal(tools, file) : PgPlainDump.read(file);
  }

  /** A custom archive is restored with pg_restore, a plain dump with psql; both as the database's owner. */
  @Override
  public void restoreExternal(Path file, String location) {
    if (PgFormat.of(file) == PgFormat.CUSTOM) {
      restore(file, location);
      return;
    }
    PgUrl url = server.urlOf(location);
    String psql = tools.find("psql", serverMajor());
    String owner = empty(url, location);
    PgPlainDump.restore(psql, url, owner, file, location);
  }

  /**
   * Restores as the database's owner (pg_restore {@code --role}), so that what it creates belongs to whoever owns the
   * database (the role of a scenario run, say), not to the door user; emptying it is one transaction, as that role.
   */
  @Override
  public void restore(Path file, String location) {
    PgUrl url = server.urlOf(location);
    String pgRestore = tools.find("pg_restore", serverMajor());
    String owner = empty(url, location);
    List<String> command = new ArrayList<>(List.of(pgRestore, "--no-owner", "--no-privileges", "--exit-on-error",
        "--single-transaction"));
    if (owner != null) {
      command.add("--role=" + owner);
    }
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
      throw DatabaseException.failed("cannot " + doing + ": pg_restore exited with " + result.exitCode() + " (the "
          + "database was emptied; what pg_restore did was rolled back): " + PgUrl.redact(result.errors().strip()),
          null);
    }
  }

  /**
   * Drops every schema of the database (and what is in them) and every large object, and recreates an empty public
   * schema, in one transaction and as the database's owner.
   *
   * @return the owner, when it is not the user connecting, else null
   */
  private String empty(PgUrl url, String location) {
    try (Connection connection = server.connect(url, "database " + location)) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        String owner = owner(statement, location);
        if (owner != null) {
          statement.execute("SET LOCAL ROLE " + server.quote(owner));
        }
        List<String> schemas = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE "
            + "'pg\\_%' AND nspname <> 'information_schema'")) {
          while (rs.next()) {
            schemas.add(rs.getString(1));
          }
        }
        for (String schema : schemas) {
          statement.execute("DROP SCHEMA " + server.quote(schema) + " CASCADE");
        }
        // Large objects belong to no schema: left in place, the archive's lo_create of the same OIDs would fail the
        // restore after the database was emptied.
        statement.execute("SELECT pg_catalog.lo_unlink(oid) FROM pg_catalog.pg_largeobject_metadata");
        statement.execute("CREATE SCHEMA public");
        connection.commit();
        return owner;
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw DatabaseException.of("cannot empty database " + location + " before restoring (nothing was changed)",
          e);
    }
  }

  /** The owner of the database, or null when it is the user connecting; refused when that user cannot act as it. */
  private static String owner(Statement statement, String location) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT pg_get_userbyid(datdba), current_user, "
        + "pg_has_role(current_user, datdba, 'USAGE') FROM pg_database WHERE datname = current_database()")) {
      rs.next();
      if (rs.getString(1).equals(rs.getString(2))) {
        return null;
      }
      if (!rs.getBoolean(3)) {
        throw new SQLException(location + " belongs to " + rs.getString(1) + ", and " + rs.getString(2)
            + " cannot act as that role: restore into a database it owns, or grant it the role", "42501");
      }
      return rs.getString(1);
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
