package dev.rehearsal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.database.postgres.PostgresDatabase;
import dev.rehearsal.database.postgres.PrivateCluster;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.PrivateServer;
import dev.rehearsal.testing.RequiresPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on a private PostgreSQL cluster and load on the machine's server; each test prints the figures it measured.
 */
class PostgresFaultsTest {

  /** What one scenario run holds open at most: the door, the scratch database, and the migrator's own session. */
  private static final int SESSIONS_PER_JOB = 3;

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @TempDir
  Path temp;

  private Project project() {
    return project(PostgresServer.url());
  }

  private Project project(String url) {
    Map<String, String> overrides = new HashMap<>();
    overrides.put("databases.postgres.url", url);
    overrides.put("paths.backups", temp.resolve("backups").toString());
    overrides.put("paths.allow_outside_project", "true");
    return Project.open(ROOT, overrides);
  }

  /** On a private cluster: restarting the machine's own server would cut everyone else's sessions. */
  @Test
  void aServerRestartCostsTheScenarioThatWasRunningAndNothingElse() throws Exception {
    try (PrivateCluster cluster = PrivateServer.start()) {
      Path first = scenario("a-before.yaml", "apply: 20250101000000", "expect: {version: 20250101000000}");
      Path during = scenario("b-during.yaml", "apply: head", "sql: \"SELECT pg_sleep(30);\"",
          "expect: {version: head}");
      Path after = scenario("c-after.yaml", "apply: 20250102000000", "expect: {version: 20250102000000}");
      Project project = project(cluster.url());
      List<Scenario> scenarios = project.readScenarios(List.of(first, during, after));
      String runId = RunId.next();
      CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> project.run(runId, scenarios,
          project.databases(List.of("postgres")), new RunOptions(false, false, 1, true), new RunListener() {}));
      awaitDatabase(cluster.url(), "rehearsal_" + runId + "_2");
      Thread.sleep(1_000);
      long t0 = System.nanoTime();
      cluster.restart();
      long restartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      RunResult result = run.get(120, TimeUnit.SECONDS);

      List<Status> statuses = result.scenarios().stream().map(ScenarioResult::status).toList();
      assertEquals(List.of(Status.PASSED, Status.ERROR, Status.PASSED), statuses);
      String error = result.scenarios().get(1).steps().get(1).error();
      assertTrue(error.contains("the server ended the session") || error.contains("connection to the server was "
          + "lost") || error.contains("I/O error"), error);
      assertEquals(List.of(), PrivateServer.column(cluster.url(), "SELECT datname FROM pg_database WHERE datname "
          + "LIKE 'rehearsal%' UNION ALL SELECT rolname FROM pg_roles WHERE rolname LIKE 'rehearsal%'"));
      assertEquals(List.of(), result.leftovers());
      System.out.printf("fault: a private PostgreSQL cluster restarted in %d ms during scenario 2 of 3; scenario 2 "
          + "error: %s; scenarios 1 and 3 passed; scratch databases and roles left: 0%n", restartMillis,
          error.lines().findFirst().orElse(""));
    }
  }

  /**
   * Sessions must not pile up over a run: the peak of this process's sessions, sampled as each scenario run ends, stays
   * within what two jobs hold at once, and none is left after. (This once ran 200 scenario runs, so that sessions
   * held until the end would exhaust the server's 100 connections; the peak says the same of any number of runs.)
   */
  @Test
  @RequiresPostgres
  void manyScenarioRunsWithTwoJobsAllPassAndSessionsNeitherPileUpNorStayOpen() throws Exception {
    int runs = 24;
    List<Path> files = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      files.add(scenario(String.format("load-%03d.yaml", i), "apply: 20250103000000",
          "seed: {rows: {users: [{id: " + i + ", email: user" + i + "@example.com, full_name: User " + i + "}]}}",
          "expect: {rows: {users: 1}, version: 20250103000000}"));
    }
    Project project = project();
    List<Scenario> scenarios = project.readScenarios(files);
    int before = sessions();
    List<Integer> during = java.util.Collections.synchronizedList(new ArrayList<>());
    long t0 = System.nanoTime();
    String runId = RunId.next();
    RunResult result = project.run(runId, scenarios, project.databases(List.of("postgres")),
        new RunOptions(false, false, 2, true), new RunListener() {
          @Override
          public void scenarioFinished(ScenarioResult finished) {
            during.add(sessions());
          }
        });
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    int after = sessions();
    int peak = during.stream().mapToInt(Integer::intValue).max().orElseThrow();

    assertEquals(runs, result.scenarios().size());
    assertEquals(runs, result.count(Status.PASSED), result.scenarios().stream()
        .filter(s -> s.status() != Status.PASSED).map(s -> s.run().id() + " " + s.status()).toList().toString());
    assertEquals(runs, during.size());
    assertTrue(peak <= 2 * SESSIONS_PER_JOB, "peak sessions of this process during the run: " + peak + " " + during);
    assertEquals(0, before, "sessions of this process before the run");
    assertEquals(0, after, "sessions of this process left open after the run");
    assertEquals(List.of(), PostgresServer.databases("rehearsal_" + runId));
    assertEquals(List.of(), PostgresServer.roles("rehearsal_" + runId));
    System.out.printf("load: %d scenario runs on PostgreSQL with --jobs 2 in %d ms (%.1f runs/s); sessions of this "
        + "process before %d, at most %d during, after %d; scratch databases left: 0%n", runs, millis,
        runs * 1000.0 / millis, before, peak, after);
  }

  private Path scenario(String name, String... steps) throws IOException {
    StringBuilder text = new StringBuilder("scenario: " + name + "\ndatabases: [postgres]\nsteps:\n");
    for (String step : steps) {
      text.append("  - ").append(step).append('\n');
    }
    return Files.writeString(temp.resolve(name), text.toString());
  }

  /** Sessions that this JVM holds open on the server, as Rehearsal names them. */
  private static int sessions() {
    return Integer.parseInt(PostgresServer.queryValue("SELECT count(*) FROM pg_stat_activity WHERE "
        + "application_name = '" + PostgresDatabase.APPLICATION_NAME + "'"));
  }

  private static void awaitDatabase(String url, String name) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      if (!PrivateServer.column(url, "SELECT 1 FROM pg_database WHERE datname = '" + name + "'").isEmpty()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(name + " was not created within 30 s");
  }
}
