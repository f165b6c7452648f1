package dev.rehearsal.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor: the SQL of every script, up, undo and up again, in one JDBC session with no checks and no changelog,
 * one transaction per section as MyBatis runs them. Run as its own process (a JVM and a driver, like the others):
 * {@code java -cp BENCH:DRIVER dev.rehearsal.bench.RawSql JDBC-URL SCRIPTS-DIR}. Statements are split the way MyBatis
 * splits them: on {@code ;} at the end of a line, comment lines left out.
 */
public final class RawSql {

  private RawSql() {}

  public static void main(String[] args) throws IOException, SQLException {
    if (args.length != 2) {
      System.err.println("usage: RawSql JDBC-URL SCRIPTS-DIR");
      System.exit(2);
    }
    List<Path> scripts;
    try (Stream<Path> files = Files.list(Path.of(args[1]))) {
      scripts = files.filter(p -> p.getFileName().toString().endsWith(".sql"))
          .sorted(Comparator.comparing(RawSql::id)).toList();
    }
    long t0 = System.nanoTime();
    int statements = 0;
    try (Connection connection = DriverManager.getConnection(args[0])) {
      if (args[0].startsWith("jdbc:sqlite:")) {
        // As Rehearsal's own SQLite connections: foreign keys enforced.
        try (Statement pragma = connection.createStatement()) {
          pragma.execute("PRAGMA foreign_keys = ON");
        }
      }
      connection.setAutoCommit(false);
      for (Path script : scripts) {
        String[] sections = Files.readString(script).split(Script.UNDO_MARKER, 2);
        statements += run(connection, sections[0]);
        statements += run(connection, sections.length > 1 ? sections[1] : "");
        statements += run(connection, sections[0]);
      }
    }
    System.out.printf("%d scripts, %d statements in %.1f ms%n", scripts.size(), statements,
        (System.nanoTime() - t0) / 1e6);
  }

  private static int run(Connection connection, String section) throws SQLException {
    List<String> statements = split(section);
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
    connection.commit();
    return statements.size();
  }

  static List<String> split(String section) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : section.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--") || trimmed.startsWith("//")) {
        continue;
      }
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        statements.add(current.toString());
        current.setLength(0);
      } else {
        current.append(trimmed).append('\n');
      }
    }
    return statements;
  }

  private static BigDecimal id(Path script) {
    String name = script.getFileName().toString();
    return new BigDecimal(name.substring(0, name.indexOf('_')));
  }
}
