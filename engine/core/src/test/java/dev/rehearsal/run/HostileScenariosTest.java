package dev.rehearsal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.postgres.PrivateCluster;
import dev.rehearsal.report.JsonSummaryWriter;
import dev.rehearsal.report.TerminalReporter;
import dev.rehearsal.testing.PrivateServer;
import dev.rehearsal.testing.SampleRepository;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of issue 12, tried as a scenario author would, on a private cluster (never the machine's server): a
 * step that renames the cached state and puts a victim in its place, a migration that forges a scratch database for
 * {@code clean}, settings and passwords changed on the steps' own role, and superuser powers.
 */
class HostileScenariosTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final String SWAP = "DO $$ DECLARE t text; BEGIN SELECT datname INTO t FROM pg_database WHERE datname "
      + "LIKE 'rehearsal\\\\_%\\\\_tpl\\\\_%'; EXECUTE format('ALTER DATABASE %I RENAME TO %I', t, t || '_moved'); "
      + "EXECUTE format('ALTER DATABASE victimdb RENAME TO %I', t); END $$;";

  private static PrivateCluster cluster;

  @TempDir
  Path temp;

  private final List<String> notices = new ArrayList<>();

  @BeforeAll
  static void startCluster() {
    cluster = PrivateServer.start();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @AfterEach
  void dropWhatTheTestMade() {
    for (String database : PrivateServer.column(cluster.url(), "SELECT datname FROM pg_database WHERE datname "
        + "LIKE 'rehearsal%' OR datname LIKE 'victim%'")) {
      PrivateServer.execute(cluster.url(), "DROP DATABASE \"" + database + "\" WITH (FORCE)");
    }
    for (String role : PrivateServer.column(cluster.url(), "SELECT rolname FROM pg_roles WHERE rolname LIKE "
        + "'rehearsal%' OR rolname = 'door_ci'")) {
      PrivateServer.execute(cluster.url(), "DROP ROLE \"" + role + "\"");
    }
  }

  @Test
  void aStepRunAsItsOwnRoleCannotRenameTheCachedStateOrAVictim() throws IOException {
    victim("victimdb");
    Path scenario = scenario("swap.yaml", "apply: 20250101000000",
        "sql: {script: \"" + SWAP.replace("\"", "\\\"") + "\", expect_error: must be owner of database}");

    RunResult result = run(project(Map.of()), List.of(scenario), true);

    assertEquals(Status.PASSED, result.scenarios().get(0).status(), why(result.scenarios().get(0)));
    assertEquals("3", victimRows("victimdb"), "the victim is untouched");
    assertEquals(List.of(), result.leftovers());
    assertNothingOfRehearsalLeft();
    assertEquals(List.of("notice: postgres: the door user postgres is a superuser; Rehearsal needs only CREATEDB "
        + "and CREATEROLE (steps run as a role of their own)"), notices);
  }

  @Test
  void withStepsAsTheDoorUserTheSwapSucceedsButTheDropLeavesTheVictimAndSaysSo() throws IOException {
    victim("victimdb");
    Path scenario = scenario("swap.yaml", "apply: 20250101000000", "sql: \"" + SWAP.replace("\"", "\\\"") + "\"");
    Path reports = temp.resolve("reports");
    StringWriter terminal = new StringWriter();
    JsonSummaryWriter json = new JsonSummaryWriter(reports, null);

    RunResult result = run(project(Map.of("databases.postgres.steps_as", "door_user")), List.of(scenario), true,
        json, new TerminalReporter(new PrintWriter(terminal, true)));

    assertEquals(Status.PASSED, result.scenarios().get(0).status(), "the swap itself is what door_user allows");
    List<String> templates = PrivateServer.column(cluster.url(), "SELECT datname FROM pg_database WHERE datname "
        + "LIKE 'rehearsal\\_%\\_tpl\\_%' ORDER BY 1");
    assertEquals(2, templates.size(), templates.toString());
    String template = templates.get(0);
    assertEquals(template + "_moved", templates.get(1));
    assertEquals("3", victimRows(template), "the victim, under the template's name, still has its rows");
    assertEquals(1, result.leftovers().size(), result.leftovers().toString());
    String leftover = result.leftovers().get(0);
    assertTrue(leftover.matches("postgres: left " + template + " alone: it is not the database this run created "
        + "\\(OID \\d+ then, \\d+ now\\); the one this run created is now called " + template + "_moved, left in "
        + "place too; its roles are left with it"), leftover);
    assertTrue(terminal.toString().contains("\nleft behind: " + leftover + "\n"), terminal.toString());
    JsonNode summary = new ObjectMapper().readTree(json.runSummary().toFile());
    assertEquals(leftover, summary.get("leftovers").get(0).asText());
    assertEquals(2, notices.size(), notices.toString());
    assertEquals("warning: postgres: steps_as: door_user — migrations and scenario SQL run as postgres, a "
        + "superuser: they can change or drop any database or role on the server and run programs as its operating "
        + "system user", notices.get(0));
    assertTrue(terminal.toString().startsWith("Rehearsal run " + result.runId() + ": 1 scenario run (1 scenario)\n"
        + notices.get(0) + "\n" + notices.get(1) + "\n"), terminal.toString());
  }

  @Test
  void aMigrationCannotForgeAScratchDatabaseAndCleanSkipsOneForgedByTheDoorUser() throws IOException {
    victim("victimdb");
    Path migrations = SampleRepository.withScript(ROOT, temp, "forge", """
        ALTER DATABASE victimdb RENAME TO rehearsal_victimdb;
        COMMENT ON DATABASE rehearsal_victimdb IS 'Rehearsal scratch database; created 2000-01-01T00:00:00Z by nobody';
        """, "");
    Map<String, String> repository = Map.of("paths.migrations", migrations.toString());
    Path refused = scenario("forge.yaml", "apply: {to: head, expect_error: must be owner of database}");
    RunResult asRole = run(project(repository), List.of(refused), true);
    assertEquals(Status.PASSED, asRole.scenarios().get(0).status(), why(asRole.scenarios().get(0)));
    assertEquals("3", victimRows("victimdb"));

    Map<String, String> asDoor = new HashMap<>(repository);
    asDoor.put("databases.postgres.steps_as", "door_user");
    Project project = project(asDoor);
    RunResult forged = run(project, List.of(scenario("forged.yaml", "apply: head")), true);
    assertEquals(Status.PASSED, forged.scenarios().get(0).status(), why(forged.scenarios().get(0)));
    List<String> skipped = new ArrayList<>();
    // PT0S on a private cluster only: the machine's server has other people's young scratch databases.
    List<String> dropped = project.databases(List.of("postgres")).get(0).clean(java.time.Duration.ZERO,
        skipped::add);

    assertEquals(List.of(), dropped);
    assertEquals(List.of("rehearsal_victimdb: its owner postgres is not a role Rehearsal created"), skipped);
    assertEquals("3", victimRows("rehearsal_victimdb"));
  }

  @Test
  void settingsAndPasswordsAStepGivesItsRoleStayWithItsRunAndSuperuserPowersAreRefused() throws IOException {
    Path poisoning = scenario("poison.yaml", "apply: 20250101000000",
        "sql: {script: \"COPY (SELECT 1) TO PROGRAM 'id';\", expect_error: pg_execute_server_program}",
        "sql: {script: \"CREATE ROLE intruder;\", expect_error: permission denied to create role}",
        "sql: {script: \"SELECT pg_read_file('/etc/passwd');\", expect_error: permission denied}",
        "sql: \"ALTER ROLE CURRENT_USER SET default_transaction_read_only = on;\"",
        "sql: {script: \"INSERT INTO users (id, email, full_name) VALUES (1, 'a@b.c', 'A');\", "
            + "expect_error: read-only transaction}");
    Path locking = scenario("lock.yaml", "apply: 20250101000000",
        "sql: \"ALTER ROLE CURRENT_USER PASSWORD 'locked-out';\"");
    RunResult first = run(project(Map.of()), List.of(poisoning, locking), false);
    for (ScenarioResult run : first.scenarios()) {
      assertEquals(Status.PASSED, run.status(), why(run));
    }

    Path after = scenario("after.yaml", "apply: 20250101000000",
        "sql: \"INSERT INTO users (id, email, full_name) VALUES (1, 'a@b.c', 'A');\"", "expect: {rows: {users: 1}}");
    RunResult second = run(project(Map.of()), List.of(after), false);
    assertEquals(Status.PASSED, second.scenarios().get(0).status(), "the next run is not read-only: "
        + why(second.scenarios().get(0)));
    assertEquals("off", PrivateServer.value(cluster.url(), "SHOW default_transaction_read_only"));
    assertEquals(List.of(), first.leftovers());
    assertNothingOfRehearsalLeft();
  }

  @Test
  void aStepThatMakesItsDatabaseATemplateCannotKeepItNorStopClean() throws IOException {
    String template = "sql: \"DO $$ BEGIN EXECUTE format('ALTER DATABASE %I IS_TEMPLATE true', current_database()); "
        + "END $$;\"";
    RunResult dropped = run(project(Map.of()), List.of(scenario("template.yaml", "apply: 20250101000000", template)),
        false);
    assertEquals(Status.PASSED, dropped.scenarios().get(0).status(), why(dropped.scenarios().get(0)));
    assertEquals(List.of(), dropped.leftovers(), "DROP DATABASE refuses a template: the flag is taken off first");
    assertNothingOfRehearsalLeft();

    // Kept, as a killed run would leave it: clean drops it instead of failing on it (and on every one after it).
    Project project = project(Map.of());
    RunResult kept = project.run(RunId.next(), project.readScenarios(List.of(scenario("kept.yaml",
        "apply: 20250101000000", template))), project.databases(List.of("postgres")),
        new RunOptions(true, false, 1, false), RunListener.all(List.of()));
    assertEquals(Status.PASSED, kept.scenarios().get(0).status(), why(kept.scenarios().get(0)));
    assertEquals(List.of("true"), PrivateServer.column(cluster.url(), "SELECT datistemplate::text FROM pg_database "
        + "WHERE datname LIKE 'rehearsal%'"));
    List<String> skipped = new ArrayList<>();
    List<String> cleaned = project.databases(List.of("postgres")).get(0).clean(java.time.Duration.ZERO, skipped::add);
    assertEquals(List.of(), skipped);
    assertEquals(2, cleaned.size(), cleaned.toString());
    assertNothingOfRehearsalLeft();
  }

  /** The steps that did not pass, for an assertion's message. */
  static String why(ScenarioResult result) {
    StringBuilder text = new StringBuilder(result.run().id() + " " + result.status());
    if (result.error() != null) {
      text.append(": ").append(result.error());
    }
    for (StepResult step : result.steps()) {
      if (step.status() != Status.PASSED) {
        text.append("\n  step ").append(step.index()).append(' ').append(step.status()).append(": ")
            .append(step.error() != null ? step.error() : step.failedChecks().toString());
      }
    }
    return text.toString();
  }

  private void victim(String name) {
    PrivateServer.execute(cluster.url(), "CREATE DATABASE " + name);
    PrivateServer.execute(PrivateServer.onDatabase(cluster.url(), name), "CREATE TABLE accounts (id int)",
        "INSERT INTO accounts VALUES (1), (2), (3)");
  }

  private String victimRows(String database) {
    return PrivateServer.value(PrivateServer.onDatabase(cluster.url(), database), "SELECT count(*) FROM accounts");
  }

  private void assertNothingOfRehearsalLeft() {
    assertEquals(List.of(), PrivateServer.column(cluster.url(), "SELECT datname FROM pg_database WHERE datname "
        + "LIKE 'rehearsal%'"));
    assertEquals(List.of(), PrivateServer.column(cluster.url(), "SELECT rolname FROM pg_roles WHERE rolname LIKE "
        + "'rehearsal%'"));
  }

  private Project project(Map<String, String> extra) {
    Map<String, String> overrides = new HashMap<>(extra);
    overrides.put("databases.postgres.url", cluster.url());
    overrides.put("paths.backups", temp.resolve("backups").toString());
    overrides.put("paths.allow_outside_project", "true");
    return Project.open(ROOT, overrides);
  }

  private RunResult run(Project project, List<Path> scenarios, boolean cache, dev.rehearsal.run.RunListener... more) {
    List<RunListener> listeners = new ArrayList<>(List.of(more));
    listeners.add(new RunListener() {
      @Override
      public void notice(String line) {
        notices.add(line);
      }
    });
    List<Database> postgres = project.databases(List.of("postgres"));
    return project.run(RunId.next(), project.readScenarios(scenarios), postgres,
        new RunOptions(false, false, 1, cache), RunListener.all(listeners));
  }

  private Path scenario(String name, String... steps) throws IOException {
    StringBuilder text = new StringBuilder("scenario: " + name + "\ndatabases: [postgres]\nsteps:\n");
    for (String step : steps) {
      text.append("  - ").append(step).append('\n');
    }
    return Files.writeString(temp.resolve(name), text.toString());
  }
}
