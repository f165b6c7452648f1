package dev.rehearsal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The databases the per-step MyBatis CLI script and the raw-SQL floor run in: a file each for SQLite, a database each
 * on the PostgreSQL server ({@code bench_cli_PID}, {@code bench_floor_PID}). Each is emptied before a measured run
 * (outside the measured time) and removed by {@link #close()}.
 */
final class BaselineDatabases implements AutoCloseable {

  /** What a baseline database is used for. */
  enum Use { CLI, FLOOR }

  private final Path dir;
  private final PgDoor door;
  private final String suffix = Long.toString(ProcessHandle.current().pid());
  private boolean created;

  BaselineDatabases(Path dir, String postgresUrl) {
    this.dir = dir;
    this.door = PgDoor.parse(postgresUrl);
  }

  PgDoor door() {
    return door;
  }

  /** The JDBC URL of the database, with the user in it for PostgreSQL. */
  String url(String kind, Use use) {
    return kind.equals("sqlite") ? "jdbc:sqlite:" + file(use) : door.url(name(use));
  }

  /** The URL for the MyBatis CLI's environment file, which takes user and password apart. */
  String cliUrl(String kind) {
    return kind.equals("sqlite") ? url(kind, Use.CLI) : door.bareUrl(name(Use.CLI));
  }

  /** Makes the database empty: a new file, or the database dropped and created again. */
  void reset(String kind, Use use) {
    if (kind.equals("sqlite")) {
      try {
        Files.deleteIfExists(file(use));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + file(use), e);
      }
      return;
    }
    created = true;
    admin("DROP DATABASE IF EXISTS " + name(use) + " WITH (FORCE)", "CREATE DATABASE " + name(use));
  }

  /** The number of rows of the changelog, to check that the CLI script really migrated to head. */
  long changelogRows(String kind) {
    try (Connection connection = DriverManager.getConnection(url(kind, Use.CLI));
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + SyntheticProject.CHANGELOG)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new BenchException("cannot read the changelog the MyBatis CLI script wrote: " + e.getMessage(), e);
    }
  }

  private Path file(Use use) {
    return dir.resolve(use.name().toLowerCase(java.util.Locale.ROOT) + ".sqlite");
  }

  private String name(Use use) {
    return "bench_" + use.name().toLowerCase(java.util.Locale.ROOT) + "_" + suffix;
  }

  private void admin(String... statements) {
    try (Connection connection = DriverManager.getConnection(door.url(door.database()));
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new BenchException("PostgreSQL at " + PgDoor.redact(door.url(door.database())) + ": " + e.getMessage()
          + " — is the server running, and may the user create databases?", e);
    }
  }

  /** Drops the PostgreSQL databases (the files go with the work directory). */
  @Override
  public void close() {
    if (created) {
      admin("DROP DATABASE IF EXISTS " + name(Use.CLI) + " WITH (FORCE)",
          "DROP DATABASE IF EXISTS " + name(Use.FLOOR) + " WITH (FORCE)");
    }
  }
}
