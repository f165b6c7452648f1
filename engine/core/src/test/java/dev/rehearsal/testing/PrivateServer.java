package dev.rehearsal.testing;

import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.postgres.PrivateCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.TestAbortedException;

/**
 * A private PostgreSQL cluster for tests that must restart, break or attack a server: never the machine's own.
 * Outside CI a test is skipped, with one line saying why, when no cluster can be started; with {@code CI=true} it
 * fails instead.
 */
public final class PrivateServer {

  private PrivateServer() {}

  /** A started cluster; the caller closes it. */
  public static PrivateCluster start() {
    try {
      return PrivateCluster.create();
    } catch (DatabaseException e) {
      String message = "cannot start a private PostgreSQL cluster: " + e.getMessage();
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("CI=true: private-cluster tests must run, not be skipped. " + message, e);
      }
      System.err.println("private-cluster tests skipped: " + message);
      throw new TestAbortedException(message);
    }
  }

  /** Runs statements on {@code url}, each in its own auto-committed statement. */
  public static void execute(String url, String... sql) {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      for (String one : sql) {
        statement.execute(one);
      }
    } catch (SQLException e) {
      throw new AssertionError("cannot run " + String.join("; ", sql) + ": " + e.getMessage(), e);
    }
  }

  /** The first column of every row of a query on {@code url}. */
  public static List<String> column(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new AssertionError("cannot run " + sql + ": " + e.getMessage(), e);
    }
  }

  /** The first value of a query on {@code url}, or null. */
  public static String value(String url, String sql) {
    List<String> values = column(url, sql);
    return values.isEmpty() ? null : values.get(0);
  }

  /** {@code url} with {@code database} in place of its database. */
  public static String onDatabase(String url, String database) {
    return url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
  }
}
