package dev.rehearsal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.database.postgres.PrivateCluster;
import dev.rehearsal.report.JsonSummaryWriter;
import dev.rehearsal.report.TerminalReporter;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.testing.PrivateServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A door user with only CREATEDB and CREATEROLE, whose password the server checks (SCRAM on a private cluster):
 * every sample scenario passes with and without the cache, nothing is left, and a drop that fails is reported on
 * the terminal and in the run summary.
 */
class RestrictedDoorTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static PrivateCluster cluster;
  private static String door;

  @TempDir
  Path temp;

  @BeforeAll
  static void startCluster() {
    cluster = PrivateServer.start();
    PrivateServer.execute(cluster.url(), "CREATE ROLE door_ci LOGIN CREATEDB CREATEROLE PASSWORD 'door-S3c/r3t'");
    door = cluster.url().replace("user=postgres", "user=door_ci").replaceFirst("password=[^&]*",
        "password=door-S3c%2Fr3t");
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @AfterEach
  void nothingOfRehearsalIsLeft() {
    assertEquals(List.of(), PrivateServer.column(cluster.url(), "SELECT datname FROM pg_database WHERE datname "
        + "LIKE 'rehearsal%'"));
    assertEquals(List.of(), PrivateServer.column(cluster.url(), "SELECT rolname FROM pg_roles WHERE rolname LIKE "
        + "'rehearsal%'"));
  }

  @Test
  void everySampleScenarioPassesWithADoorThatCanOnlyCreateDatabasesAndRoles() {
    Project project = project();
    List<Scenario> scenarios = project.readScenarios(project.scenarioFiles(List.of()));
    for (RunOptions options : List.of(new RunOptions(false, false, 2, true), new RunOptions(false, false, 2, false))) {
      List<String> notices = new ArrayList<>();
      RunResult result = project.run(RunId.next(), scenarios, project.databases(List.of("postgres")), options,
          new RunListener() {
            @Override
            public void notice(String line) {
              notices.add(line);
            }
          });
      List<String> failures = result.scenarios().stream().filter(s -> s.status() != Status.PASSED)
          .map(HostileScenariosTest::why).toList();
      assertEquals(List.of(), failures, "cache " + options.cache());
      assertTrue(result.scenarios().size() > 10, "scenario runs: " + result.scenarios().size());
      assertEquals(List.of(), result.leftovers());
      assertEquals(List.of(), notices, "a door that is no superuser needs no notice");
    }
  }

  @Test
  void aDropThatFailsIsReportedOnTheTerminalAndInTheRunSummary() throws Exception {
    Path scenario = Files.writeString(temp.resolve("slow.yaml"), """
        scenario: sleeps while its role is taken from the door
        databases: [postgres]
        steps:
          - apply: 20250101000000
          - sql: "SELECT pg_sleep(2);"
        """);
    Project project = project();
    List<Scenario> scenarios = project.readScenarios(List.of(scenario));
    StringWriter terminal = new StringWriter();
    JsonSummaryWriter json = new JsonSummaryWriter(temp.resolve("reports"), null);
    String runId = RunId.next();
    CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> project.run(runId, scenarios,
        project.databases(List.of("postgres")), new RunOptions(false, false, 1, false),
        RunListener.all(List.of(json, new TerminalReporter(new PrintWriter(terminal, true))))));
    String scratch = "rehearsal_" + runId + "_1";
    for (int i = 0; i < 200 && PrivateServer.column(cluster.url(), "SELECT 1 FROM pg_database WHERE datname = '"
        + scratch + "'").isEmpty(); i++) {
      Thread.sleep(25);
    }
    // The door loses its hold on the run's role, so it may no longer drop the role's database.
    PrivateServer.execute(cluster.url(), "REVOKE " + scratch + " FROM door_ci");
    RunResult result = running.get(60, TimeUnit.SECONDS);
    try {
      assertEquals(Status.PASSED, result.scenarios().get(0).status(), HostileScenariosTest.why(result.scenarios()
          .get(0)));
      assertEquals(1, result.leftovers().size(), result.leftovers().toString());
      String leftover = result.leftovers().get(0);
      assertTrue(leftover.startsWith("postgres: scratch database " + scratch + " not dropped: ")
          && leftover.contains("must be owner of database " + scratch)
          && leftover.endsWith("; 'rehearse clean' drops it later"), leftover);
      assertTrue(terminal.toString().contains("\nleft behind: " + leftover + "\n"), terminal.toString());
      assertEquals(leftover, new ObjectMapper().readTree(json.runSummary().toFile()).get("leftovers").get(0)
          .asText());
    } finally {
      PrivateServer.execute(cluster.url(), "DROP DATABASE IF EXISTS " + scratch, "DROP ROLE IF EXISTS " + scratch);
    }
  }

  private Project project() {
    Map<String, String> overrides = new HashMap<>();
    overrides.put("databases.postgres.url", door);
    overrides.put("databases.postgres.bin_dir", cluster.binDir().toString());
    overrides.put("paths.backups", temp.resolve("backups").toString());
    overrides.put("paths.allow_outside_project", "true");
    return Project.open(ROOT, overrides);
  }
}
