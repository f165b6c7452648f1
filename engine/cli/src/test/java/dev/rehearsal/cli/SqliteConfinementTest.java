package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite steps and migrations stay in their scenario's file: a {@code sql:} step or a migration script that attaches
 * a file outside the project, copies the database out with {@code VACUUM INTO} or loads an extension fails, names
 * its step, and leaves the outside file as it was; Rehearsal's own copies (backup, restore, the cached state) still
 * work.
 */
class SqliteConfinementTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private TempProject project;
  private Path outside;
  private Path victim;
  private byte[] victimBefore;

  @BeforeEach
  void aVictimOutsideTheProject() throws Exception {
    project = new TempProject(dir.resolve("project"));
    outside = Files.createDirectories(dir.resolve("outside"));
    victim = outside.resolve("victim.sqlite");
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + victim);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)");
      statement.execute("INSERT INTO accounts VALUES (1, 'ada'), (2, 'grace')");
    }
    victimBefore = Files.readAllBytes(victim);
  }

  private static final String REFUSED = "[SQLITE_ERROR] SQL error or missing database (too many attached databases "
      + "- max 0) — SQLite steps and migrations stay in their own file: ATTACH DATABASE, VACUUM INTO and VACUUM are "
      + "refused (they open another file); work on the scenario's database only";

  private JsonNode summary(String scenario) throws IOException {
    String stem = scenario.replaceFirst("\\.yaml$", "");
    return JSON.readTree(project.root.resolve("reports/" + stem + "--sqlite.json").toFile());
  }

  private void assertVictimUntouched() throws Exception {
    assertTrue(Arrays.equals(victimBefore, Files.readAllBytes(victim)), "the outside file changed");
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + victim);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM accounts")) {
      rs.next();
      assertEquals(2, rs.getInt(1));
    }
  }

  @Test
  void aSqlStepCannotAttachAFileOutsideTheProject() throws Exception {
    project.scenario("attach.yaml", """
        scenario: a sql step attaches a file outside the project and empties it
        steps:
          - apply: head
          - sql: |
              ATTACH DATABASE '%s' AS v;
              DELETE FROM v.accounts;
        """.formatted(victim));

    Cli cli = Cli.run("run", "--project-dir", project.dir());

    assertEquals(1, cli.exitCode(), cli.out() + cli.err());
    JsonNode summary = summary("attach.yaml");
    assertEquals("error", summary.get("steps").get(1).get("status").asText(), summary.toString());
    assertEquals("sql at scenarios/attach.yaml:4:5 failed: " + REFUSED + "\n  statement: ATTACH DATABASE '" + victim + "' AS v", summary.get("error").get("message").asText());
    assertVictimUntouched();
  }

  @Test
  void aSqlStepCannotCopyTheDatabaseOutWithVacuumInto() throws Exception {
    Path copy = outside.resolve("copy.db");
    project.scenario("vacuum-into.yaml", """
        scenario: a sql step copies the database out of the project
        steps:
          - apply: head
          - sql: |
              COMMIT;
              VACUUM INTO '%s';
        """.formatted(copy));

    Cli cli = Cli.run("run", "--project-dir", project.dir());

    assertEquals(1, cli.exitCode(), cli.out() + cli.err());
    assertEquals("sql at scenarios/vacuum-into.yaml:4:5 failed: " + REFUSED + "\n  statement: VACUUM INTO '" + copy
        + "'", summary("vacuum-into.yaml").get("error").get("message").asText());
    assertFalse(Files.exists(copy), "VACUUM INTO wrote " + copy);
  }

  @Test
  void aMigrationScriptCannotAttachAFileOutsideTheProject() throws Exception {
    project.write("migrations/scripts/20240103000000_empty_the_victim.sql", """
        -- // empty a file outside the project
        ATTACH DATABASE '%s' AS v;
        DELETE FROM v.accounts;

        -- //@UNDO
        SELECT 1;
        """.formatted(victim));
    project.scenario("migration-attach.yaml", """
        scenario: a migration attaches a file outside the project
        steps:
          - apply: {to: head, expect_error: stay in their own file}
        """);

    Cli cli = Cli.run("run", "--project-dir", project.dir());

    assertEquals(0, cli.exitCode(), cli.out() + cli.err());
    JsonNode step = summary("migration-attach.yaml").get("steps").get(0);
    assertEquals("passed", step.get("status").asText(), step.toString());
    assertTrue(step.get("detail").asText().startsWith("failed as expected: apply head failed in "
        + "20240103000000_empty_the_victim.sql: " + REFUSED), step.get("detail").asText());
    assertVictimUntouched();
  }

  @Test
  void aSqlStepCannotLoadAnExtension() throws Exception {
    project.scenario("extension.yaml", """
        scenario: a sql step loads a shared library
        steps:
          - sql: "SELECT load_extension('%s');"
        """.formatted(outside.resolve("evil.so")));

    Cli cli = Cli.run("run", "--project-dir", project.dir());

    assertEquals(1, cli.exitCode(), cli.out() + cli.err());
    assertEquals("sql at scenarios/extension.yaml:3:5 failed: [SQLITE_ERROR] SQL error or missing database (not "
        + "authorized) — SQLite steps and migrations cannot load extensions (load_extension is off)\n  statement: "
        + "SELECT load_extension('" + outside.resolve("evil.so") + "')",
        summary("extension.yaml").get("error").get("message").asText());
  }

  @Test
  void rehearsalsOwnCopiesStillWork() throws Exception {
    for (String name : new String[] {"first.yaml", "second.yaml"}) {
      project.scenario(name, """
          scenario: back up, change, restore, from the cached state
          steps:
            - apply: head
            - seed: authors.yaml
            - backup: seeded
            - sql: "DELETE FROM authors;"
            - restore: seeded
            - expect: {rows: {authors: 2}}
          """);
    }

    Cli cli = Cli.run("run", "--project-dir", project.dir());

    assertEquals(0, cli.exitCode(), cli.out() + cli.err());
    assertTrue(summary("second.yaml").get("steps").get(0).get("detail").asText().contains("copied from the state "
        + "cached for this run"), summary("second.yaml").toString());
  }
}
