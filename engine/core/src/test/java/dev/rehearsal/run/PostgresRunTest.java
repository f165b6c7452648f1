package dev.rehearsal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.database.Database;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample suite and the scratch-database lifecycle on the real PostgreSQL server. */
@RequiresPostgres
class PostgresRunTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @TempDir
  Path temp;

  private Project project(Map<String, String> extra) {
    Map<String, String> overrides = new java.util.HashMap<>(extra);
    overrides.put("databases.postgres.url", PostgresServer.url());
    overrides.put("paths.backups", temp.resolve("backups").toString());
    overrides.put("paths.allow_outside_project", "true");
    return Project.open(ROOT, overrides);
  }

  @Test
  void everySampleScenarioForPostgresPassesThereAndLeavesNoDatabase() {
    Project project = project(Map.of());
    List<Database> postgres = project.databases(List.of("postgres"));
    List<Scenario> scenarios = project.readScenarios(project.scenarioFiles(List.of()));
    String runId = RunId.next();
    // Two jobs, as the CLI runs the suite on two cores by default: a sample that only passes alone fails here.
    RunResult result = project.run(runId, scenarios, postgres, new RunOptions(false, false, 2, true),
        new RunListener() {});
    List<String> failures = result.scenarios().stream().filter(s -> s.status() != Status.PASSED)
        .map(s -> s.run().id() + ": " + s.status()).toList();
    assertEquals(List.of(), failures);
    long expected = scenarios.stream().filter(s -> s.databases().isEmpty() || s.databases().contains("postgres"))
        .count();
    assertEquals(expected, result.scenarios().size());
    assertTrue(result.scenarios().stream().allMatch(s -> s.databaseVersion().startsWith("PostgreSQL ")));
    assertEquals(List.of(), PostgresServer.databases("rehearsal_" + runId));
    assertEquals(List.of(), PostgresServer.roles("rehearsal_" + runId));
    assertEquals(List.of(), result.leftovers());
  }

  @Test
  void dropsTheScratchDatabaseAfterAPassAFailureAndAnError() throws IOException {
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
    Project project = project(Map.of());
    String runId = RunId.next();
    RunResult result = project.run(runId, project.readScenarios(List.of(passing, failing, broken)),
        project.databases(List.of("postgres")), false, new RunListener() {});
    Map<String, Status> statuses = result.scenarios().stream()
        .collect(Collectors.toMap(s -> s.run().scenario().name(), ScenarioResult::status));
    assertEquals(Map.of("passes", Status.PASSED, "fails a check", Status.FAILED, "breaks a step", Status.ERROR),
        statuses);
    ScenarioResult error = result.scenarios().stream().filter(s -> s.status() == Status.ERROR).findFirst()
        .orElseThrow();
    assertTrue(error.steps().get(1).error().contains("relation \"no_such_table\" does not exist"),
        error.steps().get(1).error());
    assertEquals(Status.SKIPPED, error.steps().get(2).status());
    assertEquals(List.of(), PostgresServer.databases("rehearsal_" + runId));
    assertEquals(List.of(), PostgresServer.roles("rehearsal_" + runId));
  }

  @Test
  void aStuckStatementFailsItsScenarioAtTheStatementTimeout() throws IOException {
    Path slow = scenario("slow.yaml", """
        scenario: a statement that would run for a minute
        steps:
          - sql: "SELECT pg_sleep(60);"
        """);
    Project project = project(Map.of("databases.postgres.statement_timeout", "1s"));
    long t0 = System.nanoTime();
    RunResult result = project.run(RunId.next(), project.readScenarios(List.of(slow)),
        project.databases(List.of("postgres")), false, new RunListener() {});
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    ScenarioResult only = result.scenarios().get(0);
    assertEquals(Status.ERROR, only.status());
    assertTrue(only.steps().get(0).error().contains("canceling statement due to statement timeout"),
        only.steps().get(0).error());
    assertTrue(seconds < 30, "took " + seconds + " s");
  }

  @Test
  void twoRunsAtOnceOnOneServerDoNotCollide() throws Exception {
    Project project = project(Map.of());
    List<Scenario> scenarios = project.readScenarios(List.of(ROOT.resolve("scenarios/post-status-backfill.yaml"),
        ROOT.resolve("scenarios/published-posts-view.yaml")));
    List<Database> postgres = project.databases(List.of("postgres"));
    String first = RunId.next();
    String second = RunId.next();
    assertNotEquals(first, second);
    CompletableFuture<RunResult> a = CompletableFuture.supplyAsync(
        () -> project.run(first, scenarios, postgres, false, new RunListener() {}));
    CompletableFuture<RunResult> b = CompletableFuture.supplyAsync(
        () -> project.run(second, scenarios, postgres, false, new RunListener() {}));
    assertTrue(a.get().passed(), a.get().toString());
    assertTrue(b.get().passed(), b.get().toString());
    assertEquals(List.of(), PostgresServer.databases("rehearsal_" + first));
    assertEquals(List.of(), PostgresServer.databases("rehearsal_" + second));
  }

  private Path scenario(String name, String text) throws IOException {
    Path file = temp.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
