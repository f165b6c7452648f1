package dev.rehearsal.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The programs the benchmark runs: the {@code rehearse} launcher of this repository, the MyBatis Migrations jar and
 * the JDBC drivers (the versions Rehearsal is built with, from the local Maven repository), and the benchmark's own
 * classes for the raw-SQL floor.
 */
record Tools(Path rehearse, Path mybatis, Path sqliteDriver, Path postgresDriver, Path benchClasses) {

  static Tools locate(Path home) {
    Properties jars = new Properties();
    try (InputStream in = Tools.class.getResourceAsStream("bench.properties")) {
      jars.load(in);
    } catch (IOException | NullPointerException e) {
      throw new BenchException("bench.properties is missing from the benchmark's classes — build it with bench/run");
    }
    Path rehearse = home.resolve("rehearse");
    if (!Files.isExecutable(rehearse)) {
      throw new BenchException(rehearse + " is not there or not executable — run the benchmark from a checkout of "
          + "the repository (bench/run)");
    }
    return new Tools(rehearse, jar(jars, "mybatis-migrations.jar"), jar(jars, "sqlite.jar"),
        jar(jars, "postgres.jar"), codeSource());
  }

  Path driver(String database) {
    return database.equals("sqlite") ? sqliteDriver : postgresDriver;
  }

  /** The raw-SQL floor's classpath: this benchmark's classes and one driver, as the CLI script has. */
  String floorClasspath(String database) {
    return benchClasses + java.io.File.pathSeparator + driver(database);
  }

  private static Path jar(Properties jars, String key) {
    Path jar = Path.of(jars.getProperty(key, ""));
    if (!Files.isRegularFile(jar)) {
      throw new BenchException(key + " " + jar + " not found — build once with Maven online (bench/run does) so "
          + "that the local repository has it");
    }
    return jar;
  }

  private static Path codeSource() {
    try {
      return Path.of(RawSql.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException("cannot locate the benchmark's classes", e));
    }
  }
}
