package dev.rehearsal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import dev.rehearsal.testing.SampleRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cached state gives the verdict a fresh migration gives, also when the migrations changed what a template copy
 * leaves out: settings of the database, or default privileges naming the migrating role.
 */
@RequiresPostgres
class PostgresCacheExactnessTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @TempDir
  Path temp;

  @Test
  void aSearchPathSetOnTheDatabaseByAMigrationGivesTheSameVerdictWithAndWithoutTheCache() throws IOException {
    Path repository = SampleRepository.withScript(ROOT, temp, "shadow_users", """
        CREATE SCHEMA shadow;
        CREATE TABLE shadow.users (id INTEGER);
        INSERT INTO shadow.users SELECT generate_series(1, 7);
        DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path = shadow, public', current_database()); END $$;
        """, """
        DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET search_path', current_database()); END $$;
        DROP TABLE shadow.users;
        DROP SCHEMA shadow;
        """);
    Path scenario = Files.writeString(temp.resolve("shadow.yaml"), """
        scenario: unqualified names find the shadow schema first
        databases: [postgres]
        steps:
          - apply: head
          - expect:
              query:
                - {sql: "SHOW search_path", equals: "shadow, public"}
                - {sql: "SELECT count(*) FROM users", equals: 7}
        """);

    List<ScenarioResult> cached = twice(repository, scenario, true);
    List<ScenarioResult> fresh = twice(repository, scenario, false);

    for (ScenarioResult result : cached) {
      assertEquals(Status.PASSED, result.status(), HostileScenariosTest.why(result));
      assertTrue(result.steps().get(0).detail().contains("copied from the state cached for this run"),
          result.steps().get(0).detail());
    }
    for (ScenarioResult result : fresh) {
      assertEquals(Status.PASSED, result.status(), HostileScenariosTest.why(result));
    }
  }

  @Test
  void aStateWhoseMigrationsLeftDefaultPrivilegesIsNotCachedAndGivesTheSameVerdict() throws IOException {
    Path repository = SampleRepository.withScript(ROOT, temp, "default_privileges", """
        ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC;
        """, """
        ALTER DEFAULT PRIVILEGES REVOKE SELECT ON TABLES FROM PUBLIC;
        """);
    Path scenario = Files.writeString(temp.resolve("defaults.yaml"), """
        scenario: default privileges are the migrating role's own
        databases: [postgres]
        steps:
          - apply: head
          - expect:
              query: {sql: "SELECT count(*) FROM pg_default_acl WHERE defaclrole = (SELECT oid FROM pg_roles WHERE rolname = current_user)", equals: 1}
        """);

    passesWithAndWithoutTheCacheFromNoCopy(repository, scenario);
  }

  @Test
  void aStateWhoseMigrationsGrantedTheDatabaseOrLimitedItsConnectionsIsNotCachedAndGivesTheSameVerdict()
      throws IOException {
    Path repository = SampleRepository.withScript(ROOT, temp, "database_grants", """
        DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO PUBLIC', current_database()); END $$;
        DO $$ BEGIN EXECUTE format('ALTER DATABASE %I CONNECTION LIMIT 50', current_database()); END $$;
        """, """
        DO $$ BEGIN EXECUTE format('ALTER DATABASE %I CONNECTION LIMIT -1', current_database()); END $$;
        DO $$ BEGIN EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', current_database()); END $$;
        """);
    Path scenario = Files.writeString(temp.resolve("grants.yaml"), """
        scenario: the database's grant and connection limit are what the migration left
        databases: [postgres]
        steps:
          - apply: head
          - expect:
              query: {sql: "SELECT datconnlimit FROM pg_database WHERE datname = current_database()", equals: 50}
        """);

    passesWithAndWithoutTheCacheFromNoCopy(repository, scenario);
  }

  /** The scenario passes twice with the cache and twice without, and no run starts from a copy. */
  private void passesWithAndWithoutTheCacheFromNoCopy(Path repository, Path scenario) {
    for (boolean cache : List.of(true, false)) {
      for (ScenarioResult result : twice(repository, scenario, cache)) {
        assertEquals(Status.PASSED, result.status(), "cache " + cache + ": " + HostileScenariosTest.why(result));
        assertTrue(!result.steps().get(0).detail().contains("copied from"), result.steps().get(0).detail());
      }
    }
  }

  /** The scenario twice in one run (the second run is the one a cache serves from a copy). */
  private List<ScenarioResult> twice(Path repository, Path scenario, boolean cache) {
    Map<String, String> overrides = new HashMap<>();
    overrides.put("databases.postgres.url", PostgresServer.url());
    overrides.put("paths.migrations", repository.toString());
    overrides.put("paths.backups", temp.resolve("backups").toString());
    overrides.put("paths.allow_outside_project", "true");
    Project project = Project.open(ROOT, overrides);
    List<Scenario> scenarios = project.readScenarios(List.of(scenario, scenario));
    String runId = RunId.next();
    RunResult result = project.run(runId, scenarios, project.databases(List.of("postgres")),
        new RunOptions(false, false, 1, cache), new RunListener() {});
    assertEquals(List.of(), result.leftovers());
    assertEquals(List.of(), PostgresServer.databases("rehearsal_" + runId));
    assertEquals(List.of(), PostgresServer.roles("rehearsal_" + runId));
    return result.scenarios();
  }
}
