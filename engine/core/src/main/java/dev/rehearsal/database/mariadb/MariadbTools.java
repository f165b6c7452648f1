package dev.rehearsal.database.mariadb;

import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ToolProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the dump tool and the client ({@code mariadb-dump} and {@code mariadb}, else MySQL's {@code mysqldump} and
 * {@code mysql}) in the configured bin directory or on PATH, and gives them the connection through arguments and
 * {@code MYSQL_PWD} (never on the command line, where other users could read it). {@link ToolProcess} runs them.
 */
final class MariadbTools {

  private final String binDir;
  private final Map<String, String> found = new ConcurrentHashMap<>();

  MariadbTools(String binDir) {
    this.binDir = binDir;
  }

  String dump() {
    return find("mariadb-dump", "mysqldump");
  }

  String client() {
    return find("mariadb", "mysql");
  }

  private String find(String tool, String mysqlName) {
    return found.computeIfAbsent(tool, key -> {
      DatabaseException first = null;
      for (String name : List.of(tool, mysqlName)) {
        String command = binDir == null ? name : Path.of(binDir, name).toString();
        try {
          new ToolProcess(List.of(command, "--version"), Map.of(), "check " + name).text();
          return command;
        } catch (DatabaseException e) {
          first = first == null ? e : first;
        }
      }
      throw DatabaseException.infrastructure(tool + " not found", new IOException(first.getMessage()),
          " — install the MariaDB client (Debian: apt-get install mariadb-client) or set databases.mariadb.bin_dir");
    });
  }

  /** Connection arguments: host, port and user; the password goes in the environment. */
  static List<String> connection(MariadbUrl url) {
    List<String> args = new ArrayList<>();
    args.add("--host=" + url.host());
    if (url.port() != null) {
      args.add("--port=" + url.port());
    }
    if (url.decoded("user") != null) {
      args.add("--user=" + url.decoded("user"));
    }
    // Without it a client reads ~/.my.cnf and /etc/mysql: options there must not change what a backup holds.
    args.add(0, "--no-defaults");
    return args;
  }

  static Map<String, String> environment(MariadbUrl url) {
    String password = url.decoded("password");
    return password == null || password.isEmpty() ? Map.of() : Map.of("MYSQL_PWD", password);
  }
}
