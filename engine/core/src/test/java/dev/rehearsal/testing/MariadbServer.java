package dev.rehearsal.testing;

import dev.rehearsal.config.Constants;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/** The MariaDB server the tests use, and the check behind {@link RequiresMariadb}. */
public final class MariadbServer implements BeforeAllCallback, BeforeEachCallback {

  /** Overrides the door URL of the tests (the CI workflow's service container sets it). */
  public static final String URL_VARIABLE = "REHEARSAL_MARIADB_URL";

  private static volatile String unreachable;
  private static volatile boolean checked;

  /** The door URL: {@value #URL_VARIABLE}, or the default local server. */
  public static String url() {
    String url = System.getenv(URL_VARIABLE);
    return url == null || url.isBlank() ? Constants.DEFAULT_MARIADB_URL : url;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ensureReachable();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ensureReachable();
  }

  /** Skips (outside CI) or fails (in CI) the calling test when the server cannot be reached. */
  public static void ensureReachable() {
    if (!checked) {
      try (Connection connection = DriverManager.getConnection(url())) {
        unreachable = null;
      } catch (SQLException e) {
        unreachable = e.getMessage();
      }
      checked = true;
      if (unreachable != null && !"true".equals(System.getenv("CI"))) {
        System.err.println("MariaDB tests skipped: cannot reach " + url().replaceAll("password=[^&]*",
            "password=***") + " (" + unreachable + ")");
      }
    }
    if (unreachable == null) {
      return;
    }
    String message = "MariaDB is not reachable (" + unreachable + "). Start it with "
        + "'start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd' or set " + URL_VARIABLE + ".";
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError("CI=true: MariaDB tests must run, not be skipped. " + message);
    }
    throw new TestAbortedException(message);
  }

  /** Names of databases whose name starts with {@code prefix}. */
  public static List<String> databases(String prefix) {
    return names("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ? ORDER BY 1", prefix);
  }

  /** Names of users whose name starts with {@code prefix}. */
  public static List<String> users(String prefix) {
    return names("SELECT User FROM mysql.user WHERE User LIKE ? ORDER BY 1", prefix);
  }

  private static List<String> names(String sql, String prefix) {
    try (Connection connection = DriverManager.getConnection(url());
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, prefix.replace("_", "\\_") + "%");
      List<String> names = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    } catch (SQLException e) {
      throw new AssertionError("cannot list names: " + e.getMessage(), e);
    }
  }

  /** Runs one statement as the door user. */
  public static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(url())) {
      connection.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new AssertionError("cannot run " + sql + ": " + e.getMessage(), e);
    }
  }

  public MariadbServer() {}
}
