package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each verdict of the {@code roundtrip} step and each declared exception, against the corpus of undo sections broken
 * on purpose in {@code src/test/resources/roundtrip}: the right migration, the right verdict, the whole diff. Run on
 * SQLite by {@link SqliteRoundtripTest} and on PostgreSQL by {@link PostgresRoundtripTest}.
 */
abstract class RoundtripVerdictsTest {

  static final String ACCOUNTS = "roundtrip 20240601000000_create_accounts.sql";
  static final String BIO = "roundtrip 20240603000000_add_accounts_bio.sql";
  /** Three accounts, two with a nickname, in the table the base migration creates. */
  static final String SEEDED = """
      steps:
        - apply: 20240601000000
        - seed:
            rows:
              accounts:
                - {id: 1, email: ada@example.com, nickname: ada}
                - {id: 2, email: grace@example.com, nickname: grace}
                - {id: 3, email: alan@example.com}
      """;

  @TempDir
  Path dir;

  /** {@code sqlite} or {@code postgres}. */
  abstract String kind();

  /** How the catalog of {@link #kind()} writes {@code VARCHAR(length)}. */
  abstract String varchar(int length);

  /** The fact of {@code accounts.id} (an INTEGER PRIMARY KEY) in the catalog of {@link #kind()}. */
  abstract String idColumn();

  /** How the catalog of {@link #kind()} writes the default {@code 'free'} of a VARCHAR column. */
  abstract String freeDefault();

  /** The driver's message when the undo of {@code undo-fails} renames a column that does not exist. */
  abstract String noSuchColumn();

  /** The outcome of the last step, its checks and detail (the verdicts as data are the checks again). */
  StepOutcome roundtrip(String scripts, String yaml) {
    try (RoundtripCorpus corpus = new RoundtripCorpus(kind(), scripts)) {
      StepOutcome outcome = corpus.run(dir, yaml);
      return new StepOutcome(outcome.checks(), outcome.detail());
    }
  }

  @Test
  void eachMigrationRunsInANewSessionSoATemporaryTableOfTheFirstUpDoesNotMeetTheReapply() {
    assertEquals(new StepOutcome(List.of(Check.passed("roundtrip 20240602000000_import_notes.sql", "passed",
        "passed")), "round-trip of 1 migration: 1 passed"), roundtrip("temp-table", SEEDED + "  - roundtrip: all\n"));
  }

  @Test
  void aMigrationWhoseUndoGivesEverythingBackPasses() {
    assertEquals(new StepOutcome(List.of(Check.passed(ACCOUNTS, "passed", "passed")),
        "round-trip of 1 migration: 1 passed"), roundtrip(null, "steps:\n  - roundtrip: all\n"));
  }

  @Test
  void anEmptyUndoIsNoUndoSectionAndShowsTheNotNullThatWouldStay() {
    StepOutcome outcome = roundtrip("not-null-empty-undo", SEEDED + "  - roundtrip: all\n");

    assertEquals(new StepOutcome(List.of(Check.failed("roundtrip 20240602000000_require_account_nicknames.sql",
        "passed", "no undo section", """
            not-null-empty-undo/20240602000000_require_account_nicknames.sql:14: the undo section is empty: a \
            rollback would only delete the changelog row — write the statements that reverse the up section below \
            this line

            A rollback would leave:
            column accounts.nickname: NOT NULL after rollback, nullable before

            --- before
            +++ after rollback
            @@ -3,3 +3,3 @@
             %s
            -column accounts.nickname: %s, nullable, no default
            +column accounts.nickname: %s, NOT NULL, no default
             primary key accounts: (id)

            column accounts.nickname: 3 values after rollback, 2 values before"""
            .formatted(idColumn(), varchar(255), varchar(255))),
        // Not rolled back, so the database is still fit for the next migration.
        Check.passed(BIO, "passed", "passed")), "round-trip of 2 migrations: 1 passed, 1 failed"), outcome);
  }

  @Test
  void aColumnTheUndoForgetsIsATraceEvenWhenTheUpRunsAgain() {
    StepOutcome outcome = roundtrip("default-left-behind", SEEDED + "  - roundtrip: all\n");

    assertEquals(new StepOutcome(List.of(Check.failed("roundtrip 20240602000000_add_accounts_plan.sql", "passed",
        "rollback leaves trace", """
            column accounts.plan: present after rollback, absent before

            --- before
            +++ after rollback
            @@ -4,2 +4,3 @@
             column accounts.nickname: %s, nullable, no default
            +column accounts.plan: %s, NOT NULL, default %s
             primary key accounts: (id)""".formatted(varchar(255), varchar(20),
            freeDefault()))),
        "round-trip of 1 migration: 0 passed, 1 failed"), outcome);
  }

  @Test
  void aFailingUndoThatRolledBackLeavesTheMigrationAppliedAndTheStaircaseGoesOn() {
    StepOutcome outcome = roundtrip("undo-fails", SEEDED + "  - roundtrip: all\n");

    // The failed undo rolled back in its transaction: the next migration climbs from "20240602000000 applied".
    assertEquals(new StepOutcome(List.of(
        Check.failed("roundtrip 20240602000000_rename_accounts_nickname.sql", "passed", "down fails",
            "rollback 1 step failed in 20240602000000_rename_accounts_nickname.sql: " + noSuchColumn()
                + System.lineSeparator() + "  statement: ALTER TABLE accounts RENAME COLUMN display_nmae TO nickname"),
        Check.passed(BIO, "passed", "passed")),
        "round-trip of 2 migrations: 1 passed, 1 failed"), outcome);
  }

  @Test
  void valuesTheUndoCannotBringBackAreALossyRollbackNamedByColumn() {
    StepOutcome outcome = roundtrip("lossy", SEEDED + "  - roundtrip: all\n");

    assertEquals(new StepOutcome(List.of(Check.failed("roundtrip 20240602000000_drop_accounts_nickname.sql",
        "passed", "lossy rollback: accounts.nickname", "column accounts.nickname: 0 values after rollback, 2 values "
            + "before")), "round-trip of 1 migration: 0 passed, 1 failed"), outcome);
  }

  @Test
  void aDeclaredLossyColumnPassesAndIsNamed() {
    StepOutcome outcome = roundtrip("lossy", "allow: {lossy: [accounts.nickname]}\n" + SEEDED
        + "  - roundtrip: all\n");

    assertEquals(new StepOutcome(List.of(new Check("roundtrip 20240602000000_drop_accounts_nickname.sql", true,
        "passed", "lossy (allowed): accounts.nickname", "column accounts.nickname: 0 values after rollback, 2 values "
            + "before")), "round-trip of 1 migration: 0 passed, 1 allowed"), outcome);
  }

  @Test
  void aLossyDeclarationOfAnotherColumnExcusesNothing() {
    StepOutcome outcome = roundtrip("lossy", "allow: {lossy: [accounts.email]}\n" + SEEDED
        + "  - roundtrip: all\n");

    assertEquals(List.of("lossy rollback: accounts.nickname"), outcome.checks().stream().map(Check::actual).toList());
    assertEquals(false, outcome.passed());
  }

  @Test
  void aDeclaredIrreversibleMigrationIsAppliedButNotRolledBack() {
    // Its undo fails: had the round-trip rolled it back, the verdict would be "down fails" and the next migration
    // would not be checked.
    StepOutcome outcome = roundtrip("undo-fails", "allow: {irreversible: [20240602000000]}\n" + SEEDED
        + "  - roundtrip: all\n");

    assertEquals(new StepOutcome(List.of(
        Check.passed("roundtrip 20240602000000_rename_accounts_nickname.sql", "passed", "irreversible (allowed)"),
        Check.passed(BIO, "passed", "passed")), "round-trip of 2 migrations: 1 passed, 1 allowed"), outcome);
  }

  @Test
  void anIrreversibleDeclarationOfAnotherMigrationExcusesNothing() {
    StepOutcome outcome = roundtrip("not-null-empty-undo", "allow: {irreversible: [20240603000000]}\n" + SEEDED
        + "  - roundtrip: all\n");

    assertEquals(List.of("no undo section", "irreversible (allowed)"), outcome.checks().stream()
        .map(Check::actual).toList());
    assertEquals("round-trip of 2 migrations: 0 passed, 1 allowed, 1 failed", outcome.detail());
  }
}
