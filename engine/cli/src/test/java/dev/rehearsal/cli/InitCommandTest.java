package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.scaffold.Layouts;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code rehearse init} in the MyBatis layouts of the core module's {@code layouts/}, followed by what a new user
 * runs next: the scenario it wrote passes on SQLite and every migration gets a round-trip verdict.
 */
class InitCommandTest {

  private static final Path LAYOUTS = Path.of("../core/src/test/resources/layouts").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  private Path layout(String name) throws Exception {
    Path root = Layouts.copy(LAYOUTS, name, dir.resolve(name));
    if (name.equals(Layouts.SEVERAL_ENVIRONMENTS)) {
      Files.createDirectory(root.resolve(".git"));
      return root.resolve("db");
    }
    return root;
  }

  @ParameterizedTest
  @ValueSource(strings = {Layouts.MIGRATE_INIT, Layouts.SPLIT, Layouts.SEVERAL_ENVIRONMENTS})
  void theScenarioInitWritesPassesAndEveryMigrationGetsARoundtripVerdict(String name) throws Exception {
    Path project = layout(name);

    Cli init = Cli.run("init", project.toString());
    Cli run = Cli.run("run", "-C", project.toString());
    Cli roundtrip = Cli.run("-C", project.toString(), "roundtrip");

    assertEquals(0, init.exitCode(), init.out() + init.err());
    assertTrue(init.out().endsWith("Next: rehearse -C " + project + " run\n      (then 'rehearse -C " + project
        + " roundtrip' checks that every migration rolls back)\n"), init.out());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("\nPASS   sqlite   scenarios/first-rollback.yaml "), run.out());
    assertTrue(run.out().contains("1 scenario run: 1 passed, 0 failed, 0 error"), run.out());
    assertEquals(0, roundtrip.exitCode(), roundtrip.out() + roundtrip.err());
    long verdicts = roundtrip.out().lines().filter(l -> l.matches("  \\d+_\\S+\\.sql +passed")).count();
    long scripts;
    try (var files = Files.walk(project)) {
      scripts = files.filter(f -> f.getFileName().toString().matches("\\d+_.*\\.sql")).count();
    }
    assertEquals(scripts, verdicts, roundtrip.out());
  }

  @Test
  void itSaysWhatItFoundAndWroteAndASecondRunLeavesEveryFile() throws Exception {
    Path project = layout(Layouts.MIGRATE_INIT);

    Cli first = Cli.run("init", project.toString());
    Cli second = Cli.run("-C", project.toString(), "init");

    assertEquals(new Cli(0, """
        Found a MyBatis repository in %1$s:
          MyBatis repository: ./
          environments: development (postgres)
          scripts: scripts/ (3 scripts, one creates the changelog)
          migrations: 3, from 20240105093000 to 20240112141500
          changelog table: CHANGELOG
          scripts are sent whole (send_full_script=true) (environment development)
        Wrote:
          rehearsal.yaml
          scenarios/first-rollback.yaml
          scenarios/scenario.schema.json
          fixtures/.gitkeep
          .github/workflows/rehearsal.yml
          .gitignore (added artifacts/, backups/)
        Next: rehearse -C %1$s run
              (then 'rehearse -C %1$s roundtrip' checks that every migration rolls back)
        """.formatted(project), ""), first);
    assertEquals(0, second.exitCode());
    assertTrue(second.out().contains("""
        Left as they were (init never overwrites a file):
          rehearsal.yaml
          scenarios/first-rollback.yaml
          scenarios/scenario.schema.json
          fixtures/
          .github/workflows/rehearsal.yml
          .gitignore
        """), second.out());
    assertTrue(!second.out().contains("Wrote:"), second.out());
  }

  @Test
  void theWorkflowUsesTheActionOfThisVersion() throws Exception {
    Path project = layout(Layouts.MIGRATE_INIT);

    Cli.run("init", project.toString());

    String version = Cli.run("--version").out().lines().findFirst().orElseThrow().substring("rehearse ".length())
        .replace("-SNAPSHOT", "");
    String workflow = Files.readString(project.resolve(".github/workflows/rehearsal.yml"));
    assertTrue(workflow.contains("      - uses: rehearsal-dev/rehearsal@v" + version + "\n        with:\n"
        + "          version: \"" + version + "\"\n"), workflow);
  }

  @Test
  void aDirectoryAndADifferentProjectDirAreAUsageError() {
    Cli cli = Cli.run("-C", dir.resolve("a").toString(), "init", dir.resolve("b").toString());

    assertEquals(2, cli.exitCode());
    assertTrue(cli.err().startsWith("error: init " + dir.resolve("b") + " and --project-dir " + dir.resolve("a")
        + " name different directories — give one of them\n"), cli.err());
    assertEquals(false, Files.exists(dir.resolve("a")) || Files.exists(dir.resolve("b")));
  }

  @Test
  @RequiresPostgres
  void inARepositoryForPostgresTheScenarioAlsoPassesOnPostgres() throws Exception {
    Path project = layout(Layouts.SPLIT);
    Cli.run("init", project.toString());

    Cli run = Cli.run("run", "-C", project.toString(), "--database", "postgres", "--postgres-url",
        PostgresServer.url());

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("\nPASS   postgres scenarios/first-rollback.yaml "), run.out());
  }
}
