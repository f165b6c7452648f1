package dev.rehearsal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Rehearsal project in a directory of its own: {@code rehearsal.yaml}, a MyBatis repository of N synthetic
 * migrations whose environments also suit the stock MyBatis CLI, and M scenarios that each start with
 * {@code apply: head}, seed three rows and assert counts.
 */
final class SyntheticProject {

  static final String CHANGELOG = "CHANGELOG";

  private final Path root;
  private final List<Script> scripts;
  private final List<Integer> scenarios;
  private final int tables;

  private SyntheticProject(Path root, List<Script> scripts, int tables, List<Integer> scenarios) {
    this.root = root;
    this.scripts = scripts;
    this.tables = tables;
    this.scenarios = scenarios;
  }

  /**
   * Writes a project with {@code migrations} migrations under {@code root}, and for each size M of
   * {@code scenarios} a directory {@code scenarios/mM} of M scenarios.
   *
   * @param cliUrls the JDBC URL the MyBatis CLI uses, by environment ({@code sqlite}, {@code postgres})
   * @param postgresUrl the door URL rehearse creates its scratch databases through
   */
  static SyntheticProject write(Path root, int migrations, List<Integer> scenarios, CliUrls cliUrls, String postgresUrl) {
    return write(root, SyntheticMigrations.generate(migrations), SyntheticMigrations.tables(migrations), scenarios,
        cliUrls, postgresUrl, false);
  }

  /**
   * As {@link #write(Path, int, List, CliUrls, String)}, of these scripts, which create {@code tables} tables.
   *
   * @param privateServer whether rehearse runs on a private server of its own ({@code server: private}) instead of
   *     the one at {@code postgresUrl}
   */
  static SyntheticProject write(Path root, List<Script> scripts, int tables, List<Integer> scenarios, CliUrls cliUrls,
      String postgresUrl, boolean privateServer) {
    SyntheticProject project = new SyntheticProject(root, scripts, tables, scenarios);
    try {
      project.writeFiles(cliUrls, postgresUrl, privateServer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the synthetic project under " + root, e);
    }
    return project;
  }

  /** Where the MyBatis CLI of each environment connects, with the user it connects as. */
  record CliUrls(String sqlite, String postgres, String postgresUser, String postgresPassword) {}

  Path root() {
    return root;
  }

  Path repository() {
    return root.resolve("migrations");
  }

  Path scriptsDir() {
    return repository().resolve("scripts");
  }

  /** The directory of the suite of {@code m} scenarios. */
  Path scenariosDir(int m) {
    return root.resolve("scenarios").resolve("m" + m);
  }

  List<Script> scripts() {
    return scripts;
  }

  /** How many tables {@code t1..tN} its migrations create. */
  int tables() {
    return tables;
  }

  long headId() {
    return scripts.get(scripts.size() - 1).id();
  }

  private void writeFiles(CliUrls cli, String postgresUrl, boolean privateServer) throws IOException {
    Files.createDirectories(scriptsDir());
    Files.createDirectories(repository().resolve("environments"));
    Files.createDirectories(root.resolve("fixtures"));
    Files.writeString(root.resolve("rehearsal.yaml"), """
        # A synthetic project written by the Rehearsal benchmark (engine/bench).
        paths:
          migrations: migrations
          scripts: [scripts]
          scenarios: scenarios
          fixtures: fixtures
          reports: artifacts/migrations
          backups: backups
        databases:
          sqlite:
            environment: sqlite
          postgres:
            url: %s
            environment: postgres
        """.formatted(postgresUrl) + (privateServer ? "    server: private\n" : ""));
    Files.writeString(repository().resolve("environments/sqlite.properties"),
        environment("org.sqlite.JDBC", cli.sqlite(), "", ""));
    Files.writeString(repository().resolve("environments/postgres.properties"),
        environment("org.postgresql.Driver", cli.postgres(), cli.postgresUser(), cli.postgresPassword()));
    for (Script script : scripts) {
      Files.writeString(scriptsDir().resolve(script.fileName()), script.text());
    }
    for (int m : scenarios) {
      Files.createDirectories(scenariosDir(m));
      for (int s = 1; s <= m; s++) {
        Files.writeString(scenariosDir(m).resolve(String.format("seed-%03d.yaml", s)),
            scenario(s, 1 + (s - 1) % tables));
      }
    }
  }

  /**
   * Writes {@code scenarios/working-mM}: M scenarios that each do real work, for the scaling of {@code --jobs}: start
   * from the state {@code last} migrations before head (a cached start), generate {@code rows} rows in one of the
   * tables there ({@code seed: {generate: ...}}), and round-trip the last {@code last} migrations with those rows.
   *
   * @return the directory
   */
  Path writeWorkingSuite(int m, int rows, int last) {
    Path dir = root.resolve("scenarios").resolve("working-m" + m);
    Script from = scripts.get(scripts.size() - 1 - last);
    int tablesThen = SyntheticMigrations.tables(scripts.size() - last);
    try {
      Files.createDirectories(dir);
      for (int s = 1; s <= m; s++) {
        Files.writeString(dir.resolve(String.format("work-%03d.yaml", s)), """
            scenario: Working scenario %d seeds %d rows in t%d and round-trips the last %d migrations
            steps:
              - apply: {to: %d}
              - seed: {generate: {table: t%d, rows: %d, seed: %d}}
              - roundtrip: all
              - expect:
                  version: %d
            """.formatted(s, rows, 1 + (s - 1) % tablesThen, last, from.id(), 1 + (s - 1) % tablesThen, rows, s,
            headId()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the working suite under " + dir, e);
    }
    return dir;
  }

  /** Rehearsal ignores url, username and password; the stock MyBatis CLI uses them. */
  private static String environment(String driver, String url, String user, String password) {
    return """
        # Written by the Rehearsal benchmark. Rehearsal ignores url, username and password;
        # the per-step MyBatis CLI script of the benchmark connects with them.
        driver=%s
        url=%s
        username=%s
        password=%s
        changelog=%s
        script_char_set=UTF-8
        """.formatted(driver, url, user, password, CHANGELOG);
  }

  private String scenario(int number, int table) {
    int rows = SyntheticMigrations.ROWS_PER_TABLE;
    StringBuilder seed = new StringBuilder();
    for (int row = 1; row <= rows; row++) {
      seed.append("          - {id: ").append(100 + row).append(", name: seeded ").append(row).append("}\n");
    }
    // The seeded table has its own rows and the seeded ones; the first table, when it is another, only its own.
    String counts = "t" + table + ": " + 2 * rows + (table == 1 ? "" : ", t1: " + rows);
    return """
        scenario: Synthetic scenario %d seeds t%d at head
        steps:
          - apply: head
          - seed:
              rows:
                t%d:
        %s  - expect:
              version: %d
              rows: {%s}
        """.formatted(number, table, table, seed, headId(), counts);
  }
}
