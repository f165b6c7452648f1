package dev.rehearsal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV fixtures go into PostgreSQL with COPY: one statement, same meaning as the batched inserts elsewhere. */
@RequiresPostgres
class PostgresCopyTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @TempDir
  Path temp;

  @Test
  void aCsvFixtureIsBulkLoadedWithItsQuotedCommasAndNulls() throws IOException {
    RunResult result = run("""
        scenario: posts from CSV
        databases: [postgres]
        steps:
          - apply: 20250106000000
          - seed: users.yaml
          - seed: posts.csv
          - expect:
              rows: {posts: 5}
              query:
                - {sql: "SELECT body FROM posts WHERE id = 1", equals: "It weaves algebraical patterns, just as the loom weaves flowers."}
                - {sql: "SELECT count(*) FROM posts WHERE body IS NULL", equals: 2}
        """);
    ScenarioResult run = result.scenarios().get(0);
    assertEquals(Status.PASSED, run.status(), run.toString());
    assertEquals("5 rows copied into posts from fixtures/posts.csv (bulk load)", run.steps().get(2).detail());
  }

  @Test
  void anEmptyFieldQuotedOrNotIsNullOnBothEngines() throws IOException {
    Path fixtures = Files.createDirectories(temp.resolve("fixtures"));
    Files.copy(ROOT.resolve("fixtures/users.yaml"), fixtures.resolve("users.yaml"));
    Files.writeString(fixtures.resolve("posts.csv"), "id,user_id,title,body\n1,1,quoted empty,\"\"\n2,1,bare empty,\n");
    Path file = Files.writeString(temp.resolve("empty.yaml"), """
        scenario: empty CSV fields
        steps:
          - apply: 20250102000000
          - seed: users.yaml
          - seed: posts.csv
          - expect:
              query:
                - {sql: "SELECT count(*) FROM posts WHERE body = ''", equals: 0}
                - {sql: "SELECT count(*) FROM posts WHERE body IS NULL", equals: 2}
        """);
    Project project = project(Map.of("paths.fixtures", fixtures.toString()));
    RunResult result = project.run(RunId.next(), project.readScenarios(List.of(file)),
        project.databases(List.of("sqlite", "postgres")), false, new RunListener() {});

    assertEquals(2, result.scenarios().size());
    for (ScenarioResult run : result.scenarios()) {
      assertEquals(Status.PASSED, run.status(), run.toString());
    }
    // The fixtures directory is outside the project, so the file is named by its whole path.
    String csv = fixtures.resolve("posts.csv").toString();
    assertEquals("2 rows inserted into posts from " + csv, result.scenarios().get(0).steps().get(2).detail());
    assertEquals("2 rows copied into posts from " + csv + " (bulk load)",
        result.scenarios().get(1).steps().get(2).detail());
  }

  @Test
  void aBadCsvLineIsAnErrorNamingTheLine() throws IOException {
    Path fixtures = Files.createDirectories(temp.resolve("fixtures"));
    Files.writeString(fixtures.resolve("users.csv"), "id,email,full_name\n1,a@example.com,A\n2,b@example.com\n");
    RunResult result = run("""
        scenario: a short CSV line
        databases: [postgres]
        steps:
          - apply: 20250101000000
          - seed: users.csv
        """, Map.of("paths.fixtures", fixtures.toString()));
    ScenarioResult run = result.scenarios().get(0);
    assertEquals(Status.ERROR, run.status());
    String error = run.steps().get(1).error();
    assertTrue(error.startsWith("cannot load users.csv into users: "), error);
    assertTrue(error.contains("line 3"), error);
  }

  private RunResult run(String scenario) throws IOException {
    return run(scenario, Map.of());
  }

  private RunResult run(String scenario, Map<String, String> extra) throws IOException {
    Path file = Files.writeString(temp.resolve("copy.yaml"), scenario);
    Project project = project(extra);
    return project.run(RunId.next(), project.readScenarios(List.of(file)), project.databases(List.of("postgres")),
        false, new RunListener() {});
  }

  private Project project(Map<String, String> extra) {
    Map<String, String> overrides = new java.util.HashMap<>(extra);
    overrides.put("databases.postgres.url", PostgresServer.url());
    overrides.put("paths.allow_outside_project", "true");
    overrides.put("paths.backups", temp.resolve("backups").toString());
    return Project.open(ROOT, overrides);
  }
}
