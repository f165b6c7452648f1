package dev.rehearsal.testing;

import dev.rehearsal.config.Constants;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The PostgreSQL server the tests use, and the check behind {@link RequiresPostgres}. */
public final class PostgresServer implements BeforeAllCallback, BeforeEachCallback {

  private static final ServerCheck CHECK = new ServerCheck("PostgreSQL", PostgresServer::url, "Start it with "
      + "'pg_ctlcluster --skip-systemctl-redirect 15 main start' or set REHEARSAL_POSTGRES_URL.");

  /** The door URL: {@code REHEARSAL_POSTGRES_URL}, or the default local server. */
  public static String url() {
    String url = System.getenv(Constants.POSTGRES_URL_VARIABLE);
    return url == null || url.isBlank() ? Constants.DEFAULT_POSTGRES_URL : url;
  }

  /** The door URL with {@code database} in place of the door's database. */
  public static String url(String database) {
    String door = url();
    int query = door.indexOf('?');
    String base = query < 0 ? door : door.substring(0, query);
    return base.substring(0, base.lastIndexOf('/') + 1) + database + (query < 0 ? "" : door.substring(query));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ensureReachable();
  }

  /** For a test method marked on its own (its class also has tests that need no server). */
  @Override
  public void beforeEach(ExtensionContext context) {
    ensureReachable();
  }

  /** Skips (outside CI) or fails (in CI) the calling test when the server cannot be reached. */
  public static void ensureReachable() {
    CHECK.ensureReachable();
  }

  /** Names of databases whose name starts with {@code prefix}. */
  public static List<String> databases(String prefix) {
    return CHECK.names("SELECT datname FROM pg_database WHERE datname LIKE ? ORDER BY 1", prefix);
  }

  /** Names of roles whose name starts with {@code prefix}. */
  public static List<String> roles(String prefix) {
    return CHECK.names("SELECT rolname FROM pg_roles WHERE rolname LIKE ? ORDER BY 1", prefix);
  }

  /** Runs one statement on the door database. */
  public static void execute(String sql) {
    CHECK.execute(sql);
  }

  /** The first value of a query on the door database. */
  public static String queryValue(String sql) {
    try (Connection connection = DriverManager.getConnection(url());
        ResultSet rs = connection.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new AssertionError("cannot run " + sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * The line a run prints at its start when the door user is a superuser (as the default local server's
   * {@code postgres} is), with its line break; empty for a door user that is none.
   */
  public static String superuserNotice(String database) {
    String user = queryValue("SELECT current_user");
    return "true".equals(queryValue("SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
        ? "notice: " + database + ": the door user " + user + " is a superuser; Rehearsal needs only CREATEDB and "
            + "CREATEROLE (steps run as a role of their own)\n" : "";
  }

  public PostgresServer() {}
}
