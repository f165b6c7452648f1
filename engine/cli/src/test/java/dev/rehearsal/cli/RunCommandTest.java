package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

  private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  /** Run ids and timings change from run to run; everything else is asserted as printed. */
  private static String stable(String out) {
    return out.replaceAll("Rehearsal run \\d{8}_\\d{6}_[0-9a-f]{4}:", "Rehearsal run RUN:")
        .replaceAll("  \\d+ ms  ", "  N ms  ")
        .replaceAll(" in \\d+\\.\\d s\n", " in N s\n")
        .replaceAll("rollback-summary-\\d{8}T\\d{6}Z-\\d{8}_\\d{6}_[0-9a-f]{4}\\.json", "rollback-summary-STAMP.json");
  }

  @Test
  void runsTheSampleScenariosAndPrintsOneLinePerScenario() throws IOException {
    Path reports = dir.resolve("reports");

    Cli cli = Cli.run("run", "--project-dir", REPOSITORY.toString(), "--reports", reports.toString(), "--config",
        "paths.backups=" + dir.resolve("backups"), "--allow-outside-project");

    List<String> samples = new java.util.ArrayList<>();
    List<String> notRun = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.list(REPOSITORY.resolve("scenarios"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        boolean elsewhere = Files.readAllLines(file).stream()
            .anyMatch(l -> l.startsWith("databases:") && !l.contains("sqlite"));
        (elsewhere ? notRun : samples).add("scenarios/" + file.getFileName());
      }
    }
    List<String> all = cli.out().lines().toList();
    for (int i = 0; i < notRun.size(); i++) {
      assertTrue(all.get(i).startsWith("not run: " + notRun.get(i) + " runs on "), all.get(i));
    }
    List<String> lines = all.subList(notRun.size(), all.size());
    assertEquals(0, cli.exitCode(), cli.out() + cli.err());
    assertEquals("", cli.err());
    assertEquals(samples.size() + 3, lines.size(), cli.out());
    int n = samples.size();
    assertEquals("Rehearsal run RUN: " + n + " scenario runs (" + n + " scenarios)",
        stable(lines.get(0) + "\n").strip());
    Pattern line = Pattern.compile("PASS   sqlite   (scenarios/\\S+\\.yaml)  \\d+ ms  \\S.*");
    for (int i = 0; i < samples.size(); i++) {
      Matcher matcher = line.matcher(lines.get(i + 1));
      assertTrue(matcher.matches(), lines.get(i + 1));
      assertEquals(samples.get(i), matcher.group(1));
    }
    assertEquals(n + " scenario runs: " + n + " passed, 0 failed, 0 error in N s",
        stable(lines.get(samples.size() + 1) + "\n").strip());
    assertEquals("Summary: " + reports.resolve("rollback-summary-STAMP.json"),
        stable(lines.get(samples.size() + 2)));
    try (Stream<Path> written = Files.list(reports)) {
      assertEquals(samples.size() + 1, written.count());
    }
  }

  @Test
  void aWrongExpectationExits1AndShowsTheFailedCheck() {
    TempProject project = new TempProject(dir);
    project.scenario("one-author-too-many.yaml", """
        scenario: Expects one author too many
        steps:
          - apply: head
          - seed: authors.yaml
          - expect:
              rows: {authors: 3}
        """);

    Cli cli = Cli.run("run", "--project-dir", project.dir());

    assertEquals(1, cli.exitCode(), cli.err());
    assertEquals("""
        Rehearsal run RUN: 1 scenario run (1 scenario)
        FAIL   sqlite   scenarios/one-author-too-many.yaml  N ms  Expects one author too many
               step 3 at scenarios/one-author-too-many.yaml:5:5: expect rows
                 failed: rows authors = 3
                   expected: 3 rows
                   actual:   2 rows
        1 scenario run: 0 passed, 1 failed, 0 error in N s
        Summary: reports/rollback-summary-STAMP.json
        """, stable(cli.out()));
    assertEquals("", cli.err());
    assertTrue(Files.isRegularFile(dir.resolve("reports/one-author-too-many--sqlite.json")));
  }

  @Test
  void aStepErrorExits1AndShowsTheError() {
    TempProject project = new TempProject(dir);
    project.scenario("broken-sql.yaml", """
        scenario: Inserts into a table that does not exist
        steps:
          - apply: head
          - sql: "INSERT INTO reviews (id) VALUES (1);"
          - expect: {rows: {authors: 0}}
        """);

    Cli cli = Cli.run("run", "--project-dir", project.dir());

    assertEquals(1, cli.exitCode(), cli.err());
    assertEquals("""
        Rehearsal run RUN: 1 scenario run (1 scenario)
        ERROR  sqlite   scenarios/broken-sql.yaml  N ms  Inserts into a table that does not exist
               step 2 at scenarios/broken-sql.yaml:4:5: sql INSERT INTO reviews (id) VALUES (1);
                 sql at scenarios/broken-sql.yaml:4:5 failed: [SQLITE_ERROR] SQL error or missing database (no such \
        table: reviews)
                   statement: INSERT INTO reviews (id) VALUES (1)
        1 scenario run: 0 passed, 0 failed, 1 error in N s
        Summary: reports/rollback-summary-STAMP.json
        """, stable(cli.out()));
  }

  @Test
  void aTypoKeyExits2WithPositionAndHintAndRunsNothing() {
    TempProject project = new TempProject(dir);
    project.scenario("typo.yaml", """
        scenario: A typo in a key
        steps:
          - apply: head
          - expect:
              rowz: {authors: 0}
        """);

    Cli cli = Cli.run("run", "--project-dir", project.dir());

    assertEquals(2, cli.exitCode());
    assertEquals("""
        scenarios/typo.yaml:5:7: unknown key 'rowz' in 'expect' — did you mean 'rows'?
        1 problem found; nothing was run.
        """, cli.err());
    assertEquals("", cli.out());
    assertFalse(Files.exists(dir.resolve("reports")));
  }

  @Test
  void anUnknownMigrationIdExits2AndWritesNoSummaries() {
    TempProject project = new TempProject(dir);
    project.scenario("unknown-id.yaml", """
        scenario: Applies a migration that does not exist
        steps:
          - apply: 20240102000001
        """);
    project.scenario("valid.yaml", """
        scenario: Valid, but not run because another file is invalid
        steps:
          - apply: head
        """);
    Path reports = dir.resolve("elsewhere");

    Cli cli = Cli.run("run", "--project-dir", project.dir(), "--reports", reports.toString());

    assertEquals(2, cli.exitCode());
    assertEquals("""
        scenarios/unknown-id.yaml:3:12: unknown migration id 20240102000001 — did you mean 20240102000000?
        1 problem found; nothing was run.
        """, cli.err());
    assertEquals("", cli.out());
    assertFalse(Files.exists(reports));
    assertFalse(Files.exists(dir.resolve("reports")));
  }

  @Test
  void runsOnlyTheScenarioFilesGiven() {
    TempProject project = new TempProject(dir);
    project.scenario("a.yaml", "scenario: A\nsteps:\n  - apply: head\n");
    Path b = project.scenario("b.yaml", "scenario: B\nsteps:\n  - apply: " + TempProject.AUTHORS + "\n");

    Cli cli = Cli.run("run", "--project-dir", project.dir(), b.toString());

    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals("""
        Rehearsal run RUN: 1 scenario run (1 scenario)
        PASS   sqlite   scenarios/b.yaml  N ms  B
        1 scenario run: 1 passed, 0 failed, 0 error in N s
        Summary: reports/rollback-summary-STAMP.json
        """, stable(cli.out()));
  }

  @Test
  void anUnknownOptionExits2WithTryHelp() {
    Cli cli = Cli.run("run", "--frobnicate");

    assertEquals(2, cli.exitCode());
    assertEquals("""
        error: Unknown option: '--frobnicate'
        Try 'rehearse run --help' for more information.
        """, cli.err());
    assertEquals("", cli.out());
  }
}
