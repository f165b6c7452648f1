package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.migrations.MigrationRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table and column names mean what they say, on one engine (see the subclasses): a name is looked up exactly, never
 * as a LIKE pattern ({@code a_b} is not {@code axb}), and a schema that does not exist fails the check that names
 * it. The repository has {@code users} (2 rows), {@code a_b (x)} and {@code axb (y)}, plus what
 * {@link #moreTables()} adds.
 */
abstract class TableNamesContract {

  @TempDir
  Path project;

  private ScratchDatabase scratch;
  ScenarioSteps steps;

  abstract Database database();

  abstract String environment();

  /** More statements of the migration; the engine's own schemas. */
  abstract String moreTables();

  /** The schema an unqualified name is found in: {@code public}, {@code main}. */
  abstract String defaultSchema();

  /** What the check says about {@code nosuchschema}: the engine's schemas. */
  abstract String schemas();

  @BeforeEach
  void writeRepositoryAndCreateScratch() throws IOException {
    Path migrations = project.resolve("migrations");
    Files.createDirectories(migrations.resolve("environments"));
    Files.createDirectories(migrations.resolve("scripts"));
    Files.createDirectories(project.resolve("fixtures"));
    Files.writeString(migrations.resolve("environments/" + environment() + ".properties"), "changelog=CHANGELOG\n");
    Files.writeString(migrations.resolve("scripts/20240101000000_tables.sql"), """
        -- // tables
        CREATE TABLE CHANGELOG (ID NUMERIC(20,0) NOT NULL, APPLIED_AT VARCHAR(25) NOT NULL, DESCRIPTION VARCHAR(255) NOT NULL);
        CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(20));
        INSERT INTO users (id, name) VALUES (1, 'ada');
        INSERT INTO users (id, name) VALUES (2, 'bob');
        CREATE TABLE a_b (x INTEGER);
        CREATE TABLE axb (y INTEGER);
        %s

        -- //@UNDO
        SELECT 1;
        """.formatted(moreTables()));
    MigrationRepository repository = MigrationRepository.open(migrations, List.of(migrations.resolve("scripts")),
        environment());
    scratch = database().createScratch("names_" + System.nanoTime());
    steps = new ScenarioSteps(database(), scratch, repository, project, project.resolve("fixtures"),
        project.resolve("backups"));
    steps.run("- apply: head");
  }

  @AfterEach
  void dropScratch() {
    scratch.close();
  }

  @Test
  void columnsOfAnUnderscoredNameAreThatTablesOnlyNotAPatternsMatches() {
    StepOutcome outcome = steps.run("""
        - expect:
            columns: {a_b: [x], axb: [y], A_B: {present: [x], absent: [y]}}
        """);

    assertEquals(new StepOutcome(List.of(
        Check.passed("columns a_b = [x]", "x", "x"),
        Check.passed("columns axb = [y]", "y", "y"),
        Check.passed("columns A_B has [x], lacks [y]", "has x; lacks y", "x")), "3 checks passed"), outcome);
  }

  @Test
  void aSchemaThatDoesNotExistFailsEveryCheckThatNamesIt() {
    StepOutcome outcome = steps.run("""
        - expect:
            rows: {nosuchschema.users: 0}
            tables: {absent: [nosuchschema.users]}
            columns: {nosuchschema.users: [id, name]}
        """);

    String missing = "no schema nosuchschema — the schemas are " + schemas();
    assertEquals(new StepOutcome(List.of(
        Check.failed("rows nosuchschema.users = 0", "0 rows", missing, ""),
        Check.failed("table nosuchschema.users absent", "absent", missing, "the schema must exist for 'tables' to "
            + "tell whether nosuchschema.users is there — check its spelling, or query information_schema.schemata "
            + "to check that a schema is gone"),
        Check.failed("columns nosuchschema.users = [id, name]", "table nosuchschema.users with columns", missing,
            "")), "3 of 3 checks failed"), outcome);
  }

  @Test
  void theEnginesOwnSchemaQualifiesItsTables() {
    String schema = defaultSchema();
    StepOutcome outcome = steps.run("""
        - expect:
            rows: {%1$s.users: 2, %1$s.nosuch: 0}
            tables: {present: [%1$s.users], absent: [%1$s.nosuch]}
            columns: {%1$s.users: [id, name]}
        """.formatted(schema));

    assertEquals(new StepOutcome(List.of(
        Check.passed("rows " + schema + ".users = 2", "2 rows", "2 rows"),
        Check.failed("rows " + schema + ".nosuch = 0", "0 rows", "no table " + schema + ".nosuch", ""),
        Check.passed("table " + schema + ".users present", "present", "present"),
        Check.passed("table " + schema + ".nosuch absent", "absent", "absent"),
        Check.passed("columns " + schema + ".users = [id, name]", "id, name", "id, name")),
        "1 of 5 checks failed"), outcome);
  }

  @Test
  void seedingATableOfASchemaThatDoesNotExistFailsTheStep() {
    StepFailure failure = assertThrows(StepFailure.class, () -> steps.run("""
        - seed: {rows: {nosuchschema.users: [{id: 3, name: eve}]}}
        """));

    assertEquals("cannot seed nosuchschema.users from inline rows: no schema nosuchschema — the schemas are "
        + schemas(), failure.getMessage());
  }

  @Test
  void aSnapshotOfValuesOfAMisspeltTableFailsInsteadOfRememberingNoValues() {
    StepFailure failure = assertThrows(StepFailure.class, () -> steps.run("""
        - snapshot: {label: before, values: [usres.name]}
        """));

    assertEquals("'values' names usres.name, and there is no table usres — name an existing column, or take the snapshot after the step that creates it", failure.getMessage());
  }
}
