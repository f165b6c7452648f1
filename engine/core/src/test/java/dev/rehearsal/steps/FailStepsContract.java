package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.migrations.MigrationFailedException;
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
 * {@code fail} followed by the apply or rollback that meets it, on one engine (see the subclasses): what fails,
 * what stays committed, and what the step says it left behind. The repository is written into a temporary
 * directory: users, a three-statement script that adds a nickname, and an audit script whose second statement is a
 * {@code -- @DELIMITER} block full of semicolons (a trigger body on SQLite, a $$ function on PostgreSQL).
 */
abstract class FailStepsContract {

  static final String USERS = "20240101000000";
  static final String NICKNAME = "20240102000000";
  static final String AUDIT = "20240103000000";
  static final String NICKNAME_FILE = NICKNAME + "_add_nickname.sql";
  static final String AUDIT_FILE = AUDIT + "_audit.sql";

  @TempDir
  Path project;

  private ScratchDatabase scratch;
  ScenarioSteps steps;

  /** The engine under test. */
  abstract Database database();

  /** The environment name of the engine ({@code environments/NAME.properties}). */
  abstract String environment();

  /** The up section of the audit script: table; a delimited block; one more statement. */
  abstract String auditUp();

  abstract String auditUndo();

  /** What the engine says when a query names the table {@code table}, which does not exist. */
  abstract String noSuchTable(String table);

  @BeforeEach
  void writeRepositoryAndCreateScratch() throws IOException {
    Path migrations = project.resolve("migrations");
    Files.createDirectories(migrations.resolve("environments"));
    Files.createDirectories(project.resolve("fixtures"));
    Files.writeString(migrations.resolve("environments/" + environment() + ".properties"), "changelog=CHANGELOG\n");
    script(USERS + "_create_users.sql", """
        CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL);
        INSERT INTO users (id, email) VALUES (1, 'ada@example.com');""", "DROP TABLE users;");
    script(NICKNAME_FILE, """
        -- Comment lines are not statements.
        ALTER TABLE users ADD COLUMN nickname VARCHAR(100);

        UPDATE users
           SET nickname = email;
        CREATE INDEX ix_users_nickname ON users (nickname);""", """
        DROP INDEX ix_users_nickname;
        ALTER TABLE users DROP COLUMN nickname;""");
    script(AUDIT_FILE, auditUp(), auditUndo());
    MigrationRepository repository = MigrationRepository.open(migrations, List.of(migrations.resolve("scripts")),
        environment());
    scratch = database().createScratch("fail_" + System.nanoTime());
    steps = new ScenarioSteps(database(), scratch, repository, project, project.resolve("fixtures"),
        project.resolve("backups"));
  }

  private void script(String name, String up, String undo) throws IOException {
    Path file = project.resolve("migrations/scripts").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "-- // " + name + "\n" + up + "\n\n-- //@UNDO\n" + undo + "\n");
  }

  @AfterEach
  void dropScratch() {
    scratch.close();
  }

  /** How a check shows the class of the armed failure, before the message. */
  private static final String SIMULATED = "simulated_failure (armed by a fail step): ";

  private static String failing(int statement, String file) {
    return "SELECT * FROM \"simulated failure at statement " + statement + " of " + file + "\"";
  }

  private static final String LEFT_BEFORE_NICKNAME = "; left at version " + USERS + ", schema before " + NICKNAME
      + " (the failing script left no trace)";

  @Test
  void anErrorAtStatementNRollsBackItsScriptAndKeepsTheScriptsBeforeIt() {
    List<StepOutcome> outcomes = steps.runAll("""
        - fail: {migration: 20240102000000, at_statement: 3}
        - apply: {to: head, expect_error: simulated failure at statement 3 of 20240102000000_add_nickname.sql}
        - expect:
            version: 20240101000000
            columns: {users: [id, email]}
            rows: {users: 1}
        """);

    String message = "apply head failed in " + NICKNAME_FILE + ": "
        + noSuchTable("simulated failure at statement 3 of " + NICKNAME_FILE) + System.lineSeparator()
        + "  statement: " + failing(3, NICKNAME_FILE);
    assertEquals(StepOutcome.done("armed: error at statement 3 of the up section of " + NICKNAME), outcomes.get(0));
    assertEquals(new StepOutcome(List.of(Check.passed("apply head fails with 'simulated failure at statement 3 of "
        + NICKNAME_FILE + "'", "an error containing 'simulated failure at statement 3 of " + NICKNAME_FILE + "'",
        SIMULATED + message)), "failed as expected: " + message.lines().findFirst().orElseThrow() + LEFT_BEFORE_NICKNAME),
        outcomes.get(1));
    assertEquals("3 checks passed", outcomes.get(2).detail(), outcomes.get(2).toString());
  }

  @Test
  void aDisconnectLeavesTheStateBeforeTheScriptAndTheRetryGoesThrough() {
    List<StepOutcome> outcomes = steps.runAll("""
        - fail: {migration: 20240102000000, at_statement: 2, mode: disconnect}
        - apply: {to: head, expect_error: simulated disconnect}
        - expect: {version: 20240101000000, columns: {users: [id, email]}}
        - apply: head
        - expect: {version: head}
        """);

    assertEquals(StepOutcome.done("armed: disconnect at statement 2 of the up section of " + NICKNAME),
        outcomes.get(0));
    Check failed = outcomes.get(1).checks().get(0);
    assertTrue(failed.passed(), failed.toString());
    assertTrue(failed.actual().startsWith(SIMULATED + "apply head failed in " + NICKNAME_FILE + ": simulated disconnect: the "
        + "connection was cut at statement 2 of the up section of " + NICKNAME + " (SQLState 08006)"),
        failed.actual());
    assertTrue(outcomes.get(1).detail().endsWith(LEFT_BEFORE_NICKNAME), outcomes.get(1).detail());
    assertEquals("2 checks passed", outcomes.get(2).detail(), outcomes.get(2).toString());
    assertEquals("1 check passed", outcomes.get(4).detail(), outcomes.get(4).toString());
  }

  @Test
  void afterCommitKeepsTheVersionBeforeWithTheSchemaAfterAndTheRerunFails() {
    List<StepOutcome> outcomes = steps.runAll("""
        - apply: 20240101000000
        - fail: {migration: 20240102000000, mode: after_commit}
        - apply: {to: 20240102000000, expect_error: simulated failure after commit}
        - expect:
            version: 20240101000000
            pending: 2
            columns: {users: [id, email, nickname]}
        - apply: {to: 20240102000000, expect_error: nickname}
        """);

    assertEquals(StepOutcome.done("armed: after_commit, after the commit of the up section of " + NICKNAME),
        outcomes.get(1));
    Check failed = outcomes.get(2).checks().get(0);
    assertEquals(SIMULATED + "apply " + NICKNAME + " failed in " + NICKNAME_FILE + ": simulated failure after commit: the "
        + "process died before MyBatis wrote the changelog row of " + NICKNAME + " (SQLState 08006)",
        failed.actual().lines().findFirst().orElseThrow());
    assertTrue(failed.passed(), failed.toString());
    assertTrue(outcomes.get(2).detail().endsWith("; left at version " + USERS + ", schema after " + NICKNAME
        + " (the script's schema changes are in place, but the changelog does not record them: the next apply runs the"
        + " script again)"), outcomes.get(2).detail());
    assertEquals("3 checks passed", outcomes.get(3).detail(), outcomes.get(3).toString());
    assertTrue(outcomes.get(4).checks().get(0).passed(), outcomes.get(4).toString());
  }

  @Test
  void aFailureInAnUndoStopsTheRollbackAtThatScript() {
    List<StepOutcome> outcomes = steps.runAll("""
        - apply: head
        - fail: {migration: 20240102000000, at_statement: 2, direction: down}
        - rollback: {to: base, expect_error: simulated failure at statement 2 of 20240102000000_add_nickname.sql}
        - expect:
            version: 20240102000000
            columns: {users: [id, email, nickname]}
            tables: {absent: [audit]}
        """);

    assertEquals(StepOutcome.done("armed: error at statement 2 of the undo section of " + NICKNAME),
        outcomes.get(1));
    Check failed = outcomes.get(2).checks().get(0);
    assertTrue(failed.passed(), failed.toString());
    assertEquals(SIMULATED + "rollback base failed in " + NICKNAME_FILE + ": "
        + noSuchTable("simulated failure at statement 2 of " + NICKNAME_FILE) + System.lineSeparator()
        + "  statement: " + failing(2, NICKNAME_FILE), failed.actual());
    assertTrue(outcomes.get(2).detail().endsWith("; left at version " + NICKNAME + ", schema before " + NICKNAME
        + " (the failing script left no trace)"), outcomes.get(2).detail());
    assertEquals("3 checks passed", outcomes.get(3).detail(), outcomes.get(3).toString());
  }

  @Test
  void statementsAreCountedWithDelimiterBlocksAsOneStatement() {
    List<StepOutcome> outcomes = steps.runAll("""
        - fail: {migration: 20240103000000, at_statement: 3}
        - apply: {to: head, expect_error: simulated failure at statement 3 of 20240103000000_audit.sql}
        - expect: {version: 20240102000000, tables: {absent: [audit]}}
        """);

    Check failed = outcomes.get(1).checks().get(0);
    assertEquals(SIMULATED + "apply head failed in " + AUDIT_FILE + ": " + noSuchTable("simulated failure at statement 3 of "
        + AUDIT_FILE) + System.lineSeparator() + "  statement: " + failing(3, AUDIT_FILE), failed.actual());
    assertTrue(failed.passed(), failed.toString());
    assertTrue(outcomes.get(1).detail().endsWith("; left at version " + NICKNAME + ", schema before " + AUDIT
        + " (the failing script left no trace)"), outcomes.get(1).detail());
    assertEquals("2 checks passed", outcomes.get(2).detail(), outcomes.get(2).toString());
  }

  @Test
  void aStatementInsideADelimiterBlockFailsWithThatBlocksDelimiter() {
    List<StepOutcome> outcomes = steps.runAll("""
        - fail: {migration: 20240103000000, at_statement: 2}
        - apply: {to: head, expect_error: simulated failure at statement 2 of 20240103000000_audit.sql}
        - apply: head
        - expect: {version: head, tables: {present: [audit]}}
        """);

    assertTrue(outcomes.get(1).checks().get(0).passed(), outcomes.get(1).toString());
    assertEquals("1 migration applied, now at version " + AUDIT, outcomes.get(2).detail());
    assertEquals("2 checks passed", outcomes.get(3).detail(), outcomes.get(3).toString());
  }

  @Test
  void aStatementNumberBeyondTheScriptCannotHappen() {
    MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> steps.runAll("""
        - fail: {migration: 20240103000000, at_statement: 4}
        - apply: head
        """));

    assertEquals("apply head: the simulated failure at statement 4 of the up section of " + AUDIT
        + " cannot happen: that section has 3 statements", e.getMessage());
  }

  @Test
  void aFailureArmedForAScriptTheNextStepDoesNotRunIsAnError() {
    MigrationFailedException skipped = assertThrows(MigrationFailedException.class, () -> steps.runAll("""
        - fail: {migration: 20240103000000, at_statement: 1}
        - apply: 20240102000000
        """));
    MigrationFailedException nothingToDo = assertThrows(MigrationFailedException.class, () -> steps.runAll("""
        - fail: {migration: 20240101000000, mode: after_commit}
        - apply: 20240102000000
        """));

    assertEquals("apply " + NICKNAME + " did not run the script of the simulated failure (statement 1 of the up "
        + "section of " + AUDIT + ") — arm 'fail' just before the apply or rollback that runs it",
        skipped.getMessage());
    assertEquals("apply " + NICKNAME + " did not run the script of the simulated failure (after the commit of the "
        + "up section of " + USERS + ") — arm 'fail' just before the apply or rollback that runs it",
        nothingToDo.getMessage());
  }
}
