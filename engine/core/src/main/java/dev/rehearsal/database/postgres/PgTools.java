package dev.rehearsal.database.postgres;

import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ToolProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code pg_dump} and {@code pg_restore} (in the configured bin directory or on PATH, checked to be at least
 * the server's major version) and gives them the connection through arguments and {@code PGPASSWORD} (never on the
 * command line, where other users could read it). {@link ToolProcess} runs them.
 */
final class PgTools {

  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

  private final String binDir;
  private final Map<String, String> found = new java.util.concurrent.ConcurrentHashMap<>();

  PgTools(String binDir) {
    this.binDir = binDir;
  }

  /**
   * The path of a tool, checked to run and to be no older than {@code serverMajor} (0: no server to compare with;
   * a tool older than an archive it reads says so itself).
   */
  String find(String tool, int serverMajor) {
    // Checked once per tool and server version: a backup step runs pg_dump once and pg_restore twice.
    return found.computeIfAbsent(tool + " " + serverMajor, key -> check(tool, serverMajor));
  }

  private String check(String tool, int serverMajor) {
    String command = binDir == null ? tool : Path.of(binDir, tool).toString();
    String output;
    try {
      output = new ToolProcess(List.of(command, "--version"), Map.of(), "check " + tool).text();
    } catch (DatabaseException e) {
      throw DatabaseException.infrastructure(tool + " not found (" + command + ")", new IOException(e.getMessage()),
          serverMajor == 0 ? " — install the PostgreSQL client tools or set databases.postgres.bin_dir"
              : " — install the PostgreSQL client tools of version " + serverMajor + " or newer (Debian: apt-get "
              + "install postgresql-client-" + serverMajor + ") or set databases.postgres.bin_dir");
    }
    Matcher m = VERSION.matcher(output);
    if (!m.find()) {
      throw DatabaseException.infrastructure(tool + " (" + command + ") is not PostgreSQL's " + tool,
          new IOException("its --version printed: " + PgUrl.redact(output.strip())), " — install the PostgreSQL "
          + "client tools or set databases.postgres.bin_dir");
    }
    if (Integer.parseInt(m.group(1)) < serverMajor) {
      throw DatabaseException.infrastructure(tool + " " + m.group(1) + " is older than the server (" + serverMajor
          + ")", new IOException(output.strip()), " — install postgresql-client-" + serverMajor
          + " or point databases.postgres.bin_dir at its bin directory");
    }
    return command;
  }

  /** Connection arguments for a tool: host, port, user and database name; the password goes in the environment. */
  static List<String> connection(PgUrl url) {
    List<String> args = new ArrayList<>();
    args.add("--host=" + url.host());
    if (url.port() != null) {
      args.add("--port=" + url.port());
    }
    if (url.decoded("user") != null) {
      args.add("--username=" + url.decoded("user"));
    }
    args.add("--no-password");
    return args;
  }

  static Map<String, String> environment(PgUrl url) {
    String password = url.decoded("password");
    return password == null ? Map.of() : Map.of("PGPASSWORD", password);
  }
}
