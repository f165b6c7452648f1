package dev.rehearsal.database.postgres;

import dev.rehearsal.database.DatabaseException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code pg_dump} and {@code pg_restore}: found in the configured bin directory or on PATH, checked to be at
 * least the server's major version, given the connection through arguments and {@code PGPASSWORD} (never on the
 * command line, where other users could read it).
 */
final class PgTools {

  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");
  private static final long TIMEOUT_MINUTES = 30;

  private final String binDir;

  PgTools(String binDir) {
    this.binDir = binDir;
  }

  /** The path of a tool, checked to run and to be no older than {@code serverMajor}. */
  String find(String tool, int serverMajor) {
    String command = binDir == null ? tool : Path.of(binDir, tool).toString();
    String output;
    try {
      output = run(List.of(command, "--version"), Map.of(), "check " + tool);
    } catch (DatabaseException e) {
      throw DatabaseException.infrastructure(tool + " not found (" + command + ")", new IOException(e.getMessage()),
          " — install the PostgreSQL client tools of version " + serverMajor + " or newer (Debian: apt-get install "
              + "postgresql-client-" + serverMajor + ") or set databases.postgres.bin_dir");
    }
    Matcher m = VERSION.matcher(output);
    if (m.find() && Integer.parseInt(m.group(1)) < serverMajor) {
      throw DatabaseException.infrastructure(tool + " " + m.group(1) + " is older than the server (" + serverMajor
          + ")", new IOException(output.strip()), " — install postgresql-client-" + serverMajor
          + " or point databases.postgres.bin_dir at its bin directory");
    }
    return command;
  }

  /** Runs a tool and returns its output; a non-zero exit is a {@link DatabaseException} with its stderr. */
  String run(List<String> command, Map<String, String> environment, String doing) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    Path log;
    try {
      log = Files.createTempFile("rehearsal-pgtool-", ".log");
    } catch (IOException e) {
      throw DatabaseException.infrastructure("cannot " + doing, e);
    }
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    try {
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw DatabaseException.infrastructure("cannot " + doing, new IOException(command.get(0) + " did not finish "
            + "within " + TIMEOUT_MINUTES + " minutes"));
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw DatabaseException.infrastructure("cannot " + doing, new IOException(new File(command.get(0)).getName()
            + " exited with " + process.exitValue() + ": " + PgUrl.redact(output.strip())));
      }
      return output;
    } catch (IOException e) {
      throw DatabaseException.infrastructure("cannot " + doing, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DatabaseException.infrastructure("cannot " + doing, e);
    } finally {
      try {
        Files.deleteIfExists(log);
      } catch (IOException ignored) {
        // a temporary log file left behind is harmless
      }
    }
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
