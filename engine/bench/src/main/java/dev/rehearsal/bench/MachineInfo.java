package dev.rehearsal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine and database versions the figures belong to, and how loaded the machine is. */
final class MachineInfo {

  private MachineInfo() {}

  static Results.Machine describe(List<String> databases, String postgresUrl, String loadBefore) {
    Map<String, String> versions = new LinkedHashMap<>();
    for (String database : databases) {
      versions.put(database, version(database, postgresUrl));
    }
    return new Results.Machine(Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        versions, loadBefore, load());
  }

  /** The 1, 5 and 15 minute load averages, or "unknown" where /proc/loadavg is missing. */
  static String load() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "unknown";
    }
  }

  private static String version(String database, String postgresUrl) {
    boolean sqlite = database.equals("sqlite");
    String url = sqlite ? "jdbc:sqlite::memory:" : PgDoor.parse(postgresUrl).url(PgDoor.parse(postgresUrl).database());
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sqlite ? "SELECT sqlite_version()" : "SHOW server_version")) {
      rs.next();
      return (sqlite ? "SQLite " : "PostgreSQL ") + rs.getString(1);
    } catch (SQLException e) {
      throw new BenchException("cannot reach " + database + ": " + e.getMessage(), e);
    }
  }
}
