package dev.rehearsal.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.opentest4j.TestAbortedException;

/**
 * Whether a database server the tests need can be reached, checked once: outside CI a test that needs it is skipped,
 * with one line saying why; with {@code CI=true} it fails instead, so a CI run never passes without it.
 */
final class ServerCheck {

  private final String engine;
  private final Supplier<String> url;
  private final String howToStart;
  private volatile String unreachable;
  private volatile boolean checked;

  /**
   * @param howToStart what to do, as a sentence: "Start it with '...' or set ...".
   */
  ServerCheck(String engine, Supplier<String> url, String howToStart) {
    this.engine = engine;
    this.url = url;
    this.howToStart = howToStart;
  }

  /** Skips (outside CI) or fails (in CI) the calling test when the server cannot be reached. */
  @SuppressWarnings("try") // the connection is only opened, to see that it can be
  synchronized void ensureReachable() {
    boolean ci = "true".equals(System.getenv("CI"));
    if (!checked) {
      try (Connection connection = DriverManager.getConnection(url.get())) {
        unreachable = null;
      } catch (SQLException e) {
        unreachable = e.getMessage();
      }
      checked = true;
      if (unreachable != null && !ci) {
        System.err.println(engine + " tests skipped: cannot reach " + url.get().replaceAll("password=[^&]*",
            "password=***") + " (" + unreachable + ")");
      }
    }
    if (unreachable == null) {
      return;
    }
    String message = engine + " is not reachable (" + unreachable + "). " + howToStart;
    if (ci) {
      throw new AssertionError("CI=true: " + engine + " tests must run, not be skipped. " + message);
    }
    throw new TestAbortedException(message);
  }

  /** The first column of {@code sql}, whose one parameter is a LIKE pattern: {@code prefix} followed by anything. */
  List<String> names(String sql, String prefix) {
    try (Connection connection = DriverManager.getConnection(url.get());
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

  /** Runs one statement on the door database. */
  void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(url.get())) {
      connection.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new AssertionError("cannot run " + sql + ": " + e.getMessage(), e);
    }
  }
}
