package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.database.ClassifiedError;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.scenario.ErrorClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code expect_error: {class: ...}} on one engine (see the subclasses): the same scenario text, with the same
 * statements wherever the engines share the SQL, passes on every engine, and each class is what the engine's
 * mapping says for a real error of that kind.
 */
abstract class ErrorClassesContract {

  @TempDir
  Path project;

  private ScratchDatabase scratch;
  ScenarioSteps steps;

  abstract Database database();

  abstract String environment();

  /** A table {@code typed (n INTEGER)} that refuses text in {@code n} (SQLite needs STRICT for that). */
  abstract String typedTable();

  /** A script whose last statement creates an object other than a table or column that already exists. */
  abstract String duplicateObject();

  /** Holds a lock on {@code users} in one session and makes another give up waiting for it; returns its error. */
  abstract SQLException lockTimeout() throws SQLException;

  /** A statement that runs past the session's statement timeout, or null when the engine has none. */
  abstract SQLException statementTimeout() throws SQLException;

  @BeforeEach
  void writeRepositoryAndCreateScratch() throws IOException {
    Path migrations = project.resolve("migrations");
    Files.createDirectories(migrations.resolve("environments"));
    Files.createDirectories(migrations.resolve("scripts"));
    Files.createDirectories(project.resolve("fixtures"));
    Files.writeString(migrations.resolve("environments/" + environment() + ".properties"), "changelog=CHANGELOG\n");
    Files.writeString(migrations.resolve("scripts/20240101000000_create_users.sql"), """
        -- // users and their posts
        CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL,
          age INTEGER CONSTRAINT ck_users_age CHECK (age >= 0));
        CREATE UNIQUE INDEX ux_users_email ON users (email);
        CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id));
        INSERT INTO users (id, email, age) VALUES (1, 'ada@example.com', 36);
        %s;

        -- //@UNDO
        DROP TABLE typed;
        DROP TABLE posts;
        DROP TABLE users;
        """.formatted(typedTable()));
    Files.writeString(migrations.resolve("scripts/20240102000000_add_nickname.sql"), """
        -- // nicknames
        ALTER TABLE users ADD COLUMN nickname VARCHAR(100);
        UPDATE users SET nickname = email;

        -- //@UNDO
        ALTER TABLE users DROP COLUMN nickname;
        """);
    MigrationRepository repository = MigrationRepository.open(migrations, List.of(migrations.resolve("scripts")),
        environment());
    scratch = database().createScratch("classes_" + System.nanoTime());
    steps = new ScenarioSteps(database(), scratch, repository, project, project.resolve("fixtures"),
        project.resolve("backups"));
  }

  @AfterEach
  void dropScratch() {
    scratch.close();
  }

  ScratchDatabase scratch() {
    return scratch;
  }

  /** One statement per class, written once for every engine. */
  private Map<ErrorClass, String> portableStatements() {
    Map<ErrorClass, String> statements = new LinkedHashMap<>();
    statements.put(ErrorClass.UNIQUE_VIOLATION, "INSERT INTO users (id, email) VALUES (2, 'ada@example.com');");
    statements.put(ErrorClass.NOT_NULL_VIOLATION, "INSERT INTO users (id) VALUES (2);");
    statements.put(ErrorClass.FOREIGN_KEY_VIOLATION, "INSERT INTO posts (id, user_id) VALUES (1, 99);");
    statements.put(ErrorClass.CHECK_VIOLATION, "UPDATE users SET age = -1;");
    statements.put(ErrorClass.UNDEFINED_TABLE, "DELETE FROM no_such_table;");
    statements.put(ErrorClass.UNDEFINED_COLUMN, "UPDATE users SET no_such_column = 1;");
    statements.put(ErrorClass.UNDEFINED_OBJECT, "DROP INDEX no_such_index;");
    statements.put(ErrorClass.DUPLICATE_TABLE, "CREATE TABLE posts (id INTEGER);");
    statements.put(ErrorClass.DUPLICATE_COLUMN, "ALTER TABLE users ADD COLUMN email VARCHAR(10);");
    statements.put(ErrorClass.DUPLICATE_OBJECT, duplicateObject());
    statements.put(ErrorClass.SYNTAX_ERROR, "SELEC 1;");
    statements.put(ErrorClass.INVALID_TEXT_REPRESENTATION, "INSERT INTO typed (n) VALUES ('twelve');");
    return statements;
  }

  @Test
  void eachClassNamesTheEnginesOwnErrorOfThatKind() {
    steps.run("- apply: 20240101000000");
    StringBuilder scenario = new StringBuilder();
    portableStatements().forEach((errorClass, sql) -> scenario.append("- sql:\n    script: \"")
        .append(sql.replace("\"", "\\\"").replace("\n", "\\n")).append("\"\n    expect_error: {class: ")
        .append(errorClass.label()).append("}\n"));

    List<StepOutcome> outcomes = steps.runAll(scenario.toString());

    List<String> failed = new ArrayList<>();
    outcomes.stream().flatMap(o -> o.checks().stream()).filter(c -> !c.passed())
        .forEach(c -> failed.add(c.name() + " — found " + c.actual()));
    assertEquals(List.of(), failed);
    assertEquals(portableStatements().size(), outcomes.size());
    outcomes.forEach(o -> assertTrue(o.detail().startsWith("failed as expected: sql at "), o.detail()));
  }

  @Test
  void theLockAndStatementTimeoutsAreClassifiedToo() throws SQLException {
    steps.run("- apply: 20240101000000");

    assertEquals(ErrorClass.LOCK_TIMEOUT, database().classify(lockTimeout()).errorClass());
    SQLException timeout = statementTimeout();
    if (timeout != null) {
      assertEquals(ErrorClass.STATEMENT_TIMEOUT, database().classify(timeout).errorClass());
    }
  }

  @Test
  void aSimulatedFailureIsItsOwnClassNotTheMissingTableItReads() {
    List<StepOutcome> outcomes = steps.runAll("""
        - fail: {migration: 20240101000000, at_statement: 2}
        - apply: {to: head, expect_error: {class: simulated_failure}}
        - fail: {migration: 20240101000000, at_statement: 2}
        - apply: {to: head, expect_error: {class: undefined_table}}
        """);

    assertTrue(outcomes.get(1).passed(), outcomes.get(1).toString());
    Check other = outcomes.get(3).checks().get(0);
    assertFalse(other.passed());
    assertTrue(other.actual().startsWith("simulated_failure (armed by a fail step): apply head failed in "
        + "20240101000000_create_users.sql: "), other.actual());
  }

  @Test
  void aWrongClassIsAFailedCheckShowingTheClassTheCodeAndTheMessage() {
    steps.run("- apply: 20240101000000");

    StepOutcome outcome = steps.run("""
        - sql:
            script: "INSERT INTO users (id, email) VALUES (2, 'ada@example.com');"
            expect_error: {class: foreign_key_violation}
        """);

    Check check = outcome.checks().get(0);
    assertFalse(check.passed());
    assertEquals("sql fails with foreign_key_violation", check.name());
    assertEquals("an error of class foreign_key_violation", check.expected());
    ClassifiedError unique = uniqueViolationCode();
    assertTrue(check.actual().startsWith(unique.describe() + ": sql at "), check.actual());
    assertTrue(outcome.detail().startsWith("failed with another error: sql at "), outcome.detail());
  }

  /** How this engine shows a unique violation: the class and its code. */
  abstract ClassifiedError uniqueViolationCode();

  @Test
  void aListPassesWhenAnyAlternativeMatchesAndAClassCanRequireATextToo() {
    steps.run("- apply: 20240101000000");

    List<StepOutcome> outcomes = steps.runAll("""
        - sql:
            script: "INSERT INTO users (id) VALUES (2);"
            expect_error: [{class: unique_violation}, {class: not_null_violation, message: email}]
        - sql:
            script: "INSERT INTO users (id) VALUES (2);"
            expect_error: [no such thing, {class: not_null_violation, message: nickname}]
        - sql:
            script: "INSERT INTO users (id) VALUES (2);"
            expect_error: [no such thing, EMAIL]
        """);

    assertTrue(outcomes.get(0).passed(), outcomes.get(0).toString());
    assertEquals("sql fails with unique_violation or not_null_violation with 'email'",
        outcomes.get(0).checks().get(0).name());
    assertFalse(outcomes.get(1).passed(), outcomes.get(1).toString());
    assertEquals("an error containing 'no such thing', or an error of class not_null_violation containing "
        + "'nickname'", outcomes.get(1).checks().get(0).expected());
    assertTrue(outcomes.get(2).passed(), outcomes.get(2).toString());
  }

  @Test
  void aStepThatDoesNotFailSaysSoInItsDetail() {
    StepOutcome outcome = steps.run("- apply: {to: 20240101000000, expect_error: {class: unique_violation}}");

    assertFalse(outcome.passed());
    assertEquals("did not fail: 1 migration applied, now at version 20240101000000", outcome.detail());
  }
}
