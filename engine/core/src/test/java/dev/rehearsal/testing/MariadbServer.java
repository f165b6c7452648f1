package dev.rehearsal.testing;

import dev.rehearsal.config.Constants;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The MariaDB server the tests use, and the check behind {@link RequiresMariadb}. */
public final class MariadbServer implements BeforeAllCallback, BeforeEachCallback {

  /** Overrides the door URL of the tests (the CI workflow's service container sets it). */
  public static final String URL_VARIABLE = "REHEARSAL_MARIADB_URL";

  private static final ServerCheck CHECK = new ServerCheck("MariaDB", MariadbServer::url, "Start it with "
      + "'start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd' or set " + URL_VARIABLE + ".");

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
    CHECK.ensureReachable();
  }

  /** Names of databases whose name starts with {@code prefix}. */
  public static List<String> databases(String prefix) {
    return CHECK.names("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ? ORDER BY 1",
        prefix);
  }

  /** Names of users whose name starts with {@code prefix}. */
  public static List<String> users(String prefix) {
    return CHECK.names("SELECT User FROM mysql.user WHERE User LIKE ? ORDER BY 1", prefix);
  }

  /** Runs one statement as the door user. */
  public static void execute(String sql) {
    CHECK.execute(sql);
  }

  public MariadbServer() {}
}
