package dev.rehearsal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.database.Database;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.testing.MariadbServer;
import dev.rehearsal.testing.RequiresMariadb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample suite and the scratch-database lifecycle on the real MariaDB server. */
@RequiresMariadb
class MariadbRunTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @TempDir
  Path temp;

  private Project project(Map<String, String> extra) {
    Map<String, String> overrides = new java.util.HashMap<>(extra);
    overrides.put("databases.mariadb.url", MariadbServer.url());
    overrides.put("paths.backups", temp.resolve("backups").toString());
    overrides.put("paths.allow_outside_project", "true");
    return Project.open(ROOT, overrides);
  }

  @Test
  void everySampleScenarioForMariadbPassesThereAndLeavesNoDatabaseOrUser() {
    Project project = project(Map.of());
    List<Database> mariadb = project.databases(List.of("mariadb"));
    List<Scenario> scenarios = project.readScenarios(project.scenarioFiles(List.of()));
    String runId = RunId.next();
    // Two jobs, as the CLI runs the suite on two cores by default: a sample that only passes alone fails here.
    RunResult result = project.run(runId, scenarios, mariadb, new RunOptions(false, false, 2, true),
        new RunListener() {});
    List<String> failures = result.scenarios().stream().filter(s -> s.status() != Status.PASSED)
        .map(s -> s.run().id() + ": " + s.status()).toList();
    assertEquals(List.of(), failures);
    long expected = scenarios.stream().filter(s -> s.databases().isEmpty() || s.databases().contains("mariadb"))
        .count();
    assertEquals(expected, result.scenarios().size());
    assertTrue(result.scenarios().stream().allMatch(s -> s.databaseVersion().startsWith("MariaDB ")));
    String half = result.scenarios().stream()
        .filter(s -> s.run().id().equals("half-applied-migration-blocks-next-apply--mariadb")).findFirst()
        .orElseThrow().steps().get(4).detail();
    assertTrue(half.endsWith("; left at version 20250105000000, schema after 20250106000000 (the script's schema "
        + "changes are in place, but the changelog does not record them: the next apply runs the script again)"),
        half);
    assertEquals(List.of(), MariadbServer.databases("rehearsal_" + runId));
    assertEquals(List.of(), MariadbServer.users("rehearsal_" + runId));
    assertEquals(List.of(), result.leftovers());
  }

  @Test
  void dropsTheScratchDatabaseAndUserAfterAPassAFailureAndAnErrorAndStopsAStuckStatement() throws IOException {
    Path passing = scenario("passing.yaml", """
        scenario: passes
        steps:
          - apply: head
          - expect: {version: head}
        """);
    Path failing = scenario("failing.yaml", """
        scenario: fails a check
        steps:
          - apply: head
          - expect: {rows: {users: 99}}
        """);
    Path broken = scenario("broken.yaml", """
        scenario: breaks a step
        steps:
          - apply: 20250101000000
          - sql: "INSERT INTO no_such_table VALUES (1);"
          - expect: {version: head}
        """);
    Path slow = scenario("slow.yaml", """
        scenario: a statement that would run for a minute
        steps:
          - sql: "SELECT SLEEP(60);"
        """);
    Project project = project(Map.of("databases.mariadb.statement_timeout", "1s"));
    String runId = RunId.next();
    long t0 = System.nanoTime();
    RunResult result = project.run(runId, project.readScenarios(List.of(passing, failing, broken, slow)),
        project.databases(List.of("mariadb")), false, new RunListener() {});
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    Map<String, Status> statuses = result.scenarios().stream()
        .collect(Collectors.toMap(s -> s.run().scenario().name(), ScenarioResult::status));
    assertEquals(Map.of("passes", Status.PASSED, "fails a check", Status.FAILED, "breaks a step", Status.ERROR,
        "a statement that would run for a minute", Status.ERROR), statuses);
    ScenarioResult error = result.scenarios().stream().filter(s -> s.run().scenario().name().equals("breaks a step"))
        .findFirst().orElseThrow();
    assertTrue(error.steps().get(1).error().contains("Table '" + "rehearsal_"), error.steps().get(1).error());
    assertTrue(error.steps().get(1).error().contains("no_such_table' doesn't exist (SQLState 42S02, code 1146)"),
        error.steps().get(1).error());
    assertEquals(Status.SKIPPED, error.steps().get(2).status());
    ScenarioResult stuck = result.scenarios().stream()
        .filter(s -> s.run().scenario().name().startsWith("a statement")).findFirst().orElseThrow();
    assertTrue(stuck.steps().get(0).error().contains("max_statement_time exceeded"), stuck.steps().get(0).error());
    assertTrue(seconds < 60, "the run took " + seconds + " s");
    assertEquals(List.of(), MariadbServer.databases("rehearsal_" + runId));
    assertEquals(List.of(), MariadbServer.users("rehearsal_" + runId));
  }

  private Path scenario(String name, String text) throws IOException {
    Path file = temp.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
