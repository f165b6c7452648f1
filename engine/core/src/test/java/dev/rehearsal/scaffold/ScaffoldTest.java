package dev.rehearsal.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.run.Project;
import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code init} finds in real MyBatis layouts, what it writes, and that what it writes runs. */
class ScaffoldTest {

  private static final Scaffold.Installation INSTALLATION = new Scaffold.Installation("rehearsal-dev/rehearsal@v1.2.3",
      "1.2.3");
  private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

  @TempDir
  Path dir;

  private Scaffold.Result init(Path project) {
    return Scaffold.init(project, INSTALLATION, NOW);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file);
  }

  /** Runs the project's scenarios on its default databases, as 'rehearse run' would, and says whether they passed. */
  private static RunResult rehearse(Path project) {
    Project opened = Project.open(project, Map.of());
    return opened.run("test", opened.readScenarios(opened.scenarioFiles(List.of())), opened.databases(List.of()),
        false, new RunListener() {});
  }

  @Test
  void whatMigrateInitWritesIsFoundAtTheRepositoryRootAndItsNewestMigrationRollsBack() throws IOException {
    Path project = Layouts.copy(Layouts.MIGRATE_INIT, dir);

    Scaffold.Result result = init(project);

    assertEquals(List.of("MyBatis repository: ./", "environments: development (postgres)",
        "scripts: scripts/ (3 scripts, one creates the changelog)",
        "migrations: 3, from 20240105093000 to 20240112141500", "changelog table: CHANGELOG",
        "scripts are sent whole (send_full_script=true) (environment development)"), result.found());
    assertEquals(List.of("rehearsal.yaml", "scenarios/first-rollback.yaml", "scenarios/scenario.schema.json",
        "fixtures/.gitkeep", ".github/workflows/rehearsal.yml", ".gitignore (added artifacts/, backups/)"),
        result.written());
    assertEquals(List.of(), result.left());
    assertEquals(List.of(), result.warnings());
    assertFalse(result.created());
    assertEquals("""
        # Rehearsal's project file, written by 'rehearse init'. Every key is described in Rehearsal's
        # docs/configuration.md; 'rehearse --help' lists the commands.
        #
        # What init found in this repository:
        #   MyBatis repository: ./
        #   environments: development (postgres)
        #   scripts: scripts/ (3 scripts, one creates the changelog)
        #   migrations: 3, from 20240105093000 to 20240112141500
        #   changelog table: CHANGELOG
        #   scripts are sent whole (send_full_script=true) (environment development)
        paths:
          migrations: .                         # the MyBatis repository: environments/ and the scripts
          scripts: [scripts]                    # inside it; MyBatis runs all of them in id order
          scenarios: scenarios                  # what 'rehearse run' runs
          fixtures: fixtures                    # seed data the scenarios name
          reports: artifacts/migrations         # JSON summaries (git-ignored)
          backups: backups                      # backups of backup: steps (git-ignored)
        databases:
          sqlite:                               # embedded, a temporary file per scenario run; run by default
            environment: development            # environments/development.properties
            # Only the environment's changelog table, script settings and ${variables} are used: every
            # scenario run gets a fresh scratch database of Rehearsal's own, never the environment's url.
          postgres:                             # 'rehearse run --database postgres'
            environment: development            # environments/development.properties
            url: jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres  # the door only
            # Each run creates its own database through this URL and drops it afterwards; the user needs
            # CREATEDB. REHEARSAL_POSTGRES_URL or --postgres-url override it.
            run_by_default: false               # true runs every scenario on PostgreSQL too
        """, read(project.resolve("rehearsal.yaml")));
    assertEquals("""
        # yaml-language-server: $schema=scenario.schema.json
        # Written by 'rehearse init': rolling back the newest migration must give back exactly the
        # schema before it. Next, seed rows (fixtures/) before the migration and check them after the
        # rollback; Rehearsal's docs/scenarios.md has every step and expectation.
        scenario: Rolling back 20240112141500 (add customer email) gives back the schema
        tags: [rollback]
        steps:
          - apply: 20240105093001         # the one before the newest: 20240105093001_first_migration.sql
          - snapshot: before-newest       # the schema and data at this point
          - apply: 20240112141500         # the newest migration
          - expect:
              version: 20240112141500
          - rollback: {steps: 1}          # its undo section
          - expect:
              version: 20240105093001
              schema: {same_as: before-newest}
        """, read(project.resolve("scenarios/first-rollback.yaml")));
    assertEquals("# Rehearsal's reports and backups\nartifacts/\nbackups/\n", read(project.resolve(".gitignore")));
    assertTrue(rehearse(project).passed());
  }

  @Test
  void aSplitLayoutPutsTheChangelogScriptsFirstAndOrdersIdsAsNumbers() throws IOException {
    Path project = Layouts.copy(Layouts.SPLIT, dir);

    Scaffold.Result result = init(project);

    assertEquals(List.of("MyBatis repository: src/main/resources/schema/",
        "environments: development (postgres), production (postgres)",
        "scripts: src/main/resources/schema/mybatis/ (1 script, creates the changelog)",
        "scripts: src/main/resources/schema/app/ (3 scripts)",
        "migrations: 4, from 20200101000000 to 20240301120000000", "changelog table: SCHEMA_CHANGES",
        "statements end at ';' at line ends (environment development)"), result.found());
    String config = read(project.resolve("rehearsal.yaml"));
    assertTrue(config.contains("\n  migrations: src/main/resources/schema  "), config);
    assertTrue(config.contains("\n  scripts: [mybatis, app]  "), config);
    assertTrue(config.contains("\n  sqlite:  ") && config.contains("\n    environment: development  "), config);
    String scenario = read(project.resolve("scenarios/first-rollback.yaml"));
    assertTrue(scenario.contains("  - apply: 20230201120000  ") && scenario.contains("  - apply: 20240301120000000  ")
        && scenario.contains("      version: 20230201120000\n"), scenario);
    String workflow = read(project.resolve(".github/workflows/rehearsal.yml"));
    assertTrue(workflow.contains("      postgres:\n        image: postgres:15\n"), workflow);
    assertTrue(workflow.contains("      - uses: rehearsal-dev/rehearsal@v1.2.3\n        with:\n          version: "
        + "\"1.2.3\"\n          databases: sqlite,postgres\n"), workflow);
    assertTrue(rehearse(project).passed());
  }

  @Test
  void amongSeveralEnvironmentsSqliteAndANonProductionPostgresAreChosenAndTheWorkflowGoesToTheGitRoot()
      throws IOException {
    Path repository = Layouts.copy(Layouts.SEVERAL_ENVIRONMENTS, dir);
    Files.createDirectory(repository.resolve(".git"));
    Path project = repository.resolve("db");

    Scaffold.Result result = init(project);

    assertEquals(List.of("MyBatis repository: migrations/",
        "environments: ci (postgres), local (sqlite), production (postgres), reporting (mariadb)",
        "scripts: migrations/scripts/ (3 scripts)", "migrations: 3, from 20250301000000 to 20250303000000",
        "changelog table: CHANGELOG (no script creates it: Rehearsal does)",
        "statements end at ';' at line ends (environment local)"), result.found());
    assertEquals(List.of("rehearsal.yaml", "scenarios/first-rollback.yaml", "scenarios/scenario.schema.json",
        "fixtures/.gitkeep", "../.github/workflows/rehearsal.yml", ".gitignore (added backups/)"), result.written());
    String config = read(project.resolve("rehearsal.yaml"));
    assertTrue(config.contains("  sqlite:  ") && config.contains("    environment: local  "), config);
    assertTrue(config.contains("  postgres:  ") && config.contains("    environment: ci  "), config);
    assertTrue(config.contains("\n  mariadb:  ") && config.contains("\n    environment: reporting  ")
        && config.contains("\n    url: jdbc:mariadb://127.0.0.1:3306/?user=root  "), config);
    assertEquals("local.db\nartifacts/\n# Rehearsal's reports and backups\nbackups/\n",
        read(project.resolve(".gitignore")));
    assertTrue(read(repository.resolve(".github/workflows/rehearsal.yml")).endsWith("          working-directory: db\n"));
    assertTrue(rehearse(project).passed());
  }

  @Test
  void whereThereIsNoRepositoryItWritesOneThatRuns() throws IOException {
    Scaffold.Result result = init(dir.resolve("new"));

    assertTrue(result.created());
    assertEquals(List.of("migrations/environments/development.properties",
        "migrations/scripts/20260304050607_create_changelog.sql", "migrations/scripts/20260304050608_create_example.sql",
        "rehearsal.yaml", "scenarios/first-rollback.yaml", "scenarios/scenario.schema.json", "fixtures/.gitkeep",
        ".github/workflows/rehearsal.yml", ".gitignore (added artifacts/, backups/)"), result.written());
    assertTrue(rehearse(dir.resolve("new")).passed());
  }

  @Test
  void aSecondRunLeavesEveryFileAsItWas() throws IOException {
    Path project = Layouts.copy(Layouts.MIGRATE_INIT, dir);
    Files.writeString(project.resolve("rehearsal.yaml"), "paths:\n  migrations: .\n");
    init(project);
    Map<Path, String> before = contents(project);

    Scaffold.Result again = init(project);

    assertEquals(List.of(), again.written());
    assertEquals(List.of("rehearsal.yaml", "scenarios/first-rollback.yaml", "scenarios/scenario.schema.json",
        "fixtures/", ".github/workflows/rehearsal.yml", ".gitignore"), again.left());
    assertEquals(before, contents(project));
    assertEquals("paths:\n  migrations: .\n", read(project.resolve("rehearsal.yaml")));
  }

  @Test
  void theSchemaIsTheOneInTheDocsAndNoPasswordIsCopied() throws IOException {
    Path project = Layouts.copy(Layouts.MIGRATE_INIT, dir);

    init(project);

    assertEquals(read(Path.of("../../docs/scenario.schema.json")), read(project.resolve(Scaffold.SCHEMA)));
    for (String file : List.of("rehearsal.yaml", Scaffold.SCENARIO, Scaffold.WORKFLOW)) {
      assertFalse(read(project.resolve(file)).contains("s3cret"), file);
    }
  }

  private static Map<Path, String> contents(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      Map<Path, String> contents = new java.util.TreeMap<>();
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        contents.put(root.relativize(file), Files.readString(file));
      }
      return contents;
    }
  }
}
