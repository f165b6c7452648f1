package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ${variables}} in scenario SQL come from the environment file only, never from the process: a CI secret in
 * a {@code MIGRATIONS_*} variable, which MyBatis hands to migration scripts, cannot be copied into a report by a
 * scenario. The run is a child JVM with the variables really set in its environment.
 */
class ScenarioVariablesTest {

  private static final String SECRET = "hunter2-ci-secret";

  @TempDir
  Path dir;

  @Test
  void aMigrationsVariableOfTheProcessReachesScriptsButNotScenarioSql() throws Exception {
    TempProject project = new TempProject(dir);
    project.write("migrations/environments/sqlite.properties", "changelog=CHANGELOG\ngreeting=hello\n");
    project.write("migrations/scripts/20240103000000_named_by_the_environment.sql", """
        -- // a table named by a variable of the process, as MyBatis allows
        CREATE TABLE ${table_name} (id INTEGER);

        -- //@UNDO
        DROP TABLE ${table_name};
        """);
    project.scenario("leak.yaml", """
        scenario: tries to copy a CI secret into its report
        steps:
          - apply: head
          - sql: |
              CREATE TABLE leak (v VARCHAR(200));
              INSERT INTO leak (v) VALUES ('${secret} ${greeting}');
          - expect:
              tables: {present: [from_env]}
              query: {sql: "SELECT v FROM leak", equals: nothing}
        """);
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--project-dir", project.dir());
    builder.environment().put("MIGRATIONS_SECRET", SECRET);
    builder.environment().put("MIGRATIONS_TABLE_NAME", "from_env");
    builder.environment().remove(RunCommand.STEP_SUMMARY_VARIABLE);
    builder.redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the run did not finish");

    String output = Files.readString(dir.resolve("out.txt"));
    assertEquals(1, process.exitValue(), output);
    String reports;
    try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
      reports = files.map(ScenarioVariablesTest::read).collect(Collectors.joining("\n"));
    }
    assertFalse(output.contains(SECRET), output);
    assertFalse(reports.contains(SECRET), reports);
    assertTrue(output.contains("""
                 failed: query SELECT v FROM leak
                   expected: nothing
                   actual:   ${secret} hello
        """), output);
    assertFalse(output.contains("failed: table from_env present"), "the migration got MIGRATIONS_TABLE_NAME:\n"
        + output);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
