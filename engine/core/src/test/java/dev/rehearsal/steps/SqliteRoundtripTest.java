package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-trip verdicts on SQLite, the lookup table an undo forgets, and the ranges a round-trip covers (which do
 * not depend on the database).
 */
class SqliteRoundtripTest extends RoundtripVerdictsTest {

  @Override
  String kind() {
    return "sqlite";
  }

  @Override
  String varchar(int length) {
    return "varchar(" + length + ")";
  }

  @Override
  String idColumn() {
    return "column accounts.id: integer, NOT NULL, no default";
  }

  @Override
  String freeDefault() {
    return "'free'";
  }

  @Override
  String noSuchColumn() {
    return "[SQLITE_ERROR] SQL error or missing database (no such column: \"display_nmae\")";
  }

  @Test
  void aLookupTableLeftBehindMakesTheReapplyFailOnSqlite() {
    StepOutcome outcome = roundtrip("enum-left-behind", SEEDED + "  - roundtrip: all\n");

    assertEquals(new StepOutcome(List.of(Check.failed("roundtrip 20240602000000_add_accounts_status.sql", "passed",
        "re-apply fails", "apply 20240602000000 failed in 20240602000000_add_accounts_status.sql: [SQLITE_ERROR] "
            + "SQL error or missing database (table account_statuses already exists)" + System.lineSeparator() + """
              statement: CREATE TABLE account_statuses (name VARCHAR(20) PRIMARY KEY)

            The rollback left:
            table account_statuses: present after rollback, absent before
            column account_statuses.name: present after rollback, absent before
            primary key account_statuses: present after rollback, absent before

            --- before
            +++ after rollback
            @@ -1,2 +1,4 @@
            +table account_statuses
             table accounts
            +column account_statuses.name: varchar(20), nullable, no default
             column accounts.email: varchar(255), NOT NULL, no default
            @@ -4,2 +6,3 @@
             column accounts.nickname: varchar(255), nullable, no default
            +primary key account_statuses: (name)
             primary key accounts: (id)""")), "round-trip of 1 migration: 0 passed, 1 failed"), outcome);
  }

  @Test
  void anUpThatFailsEvenOnTheStraightStateStopsTheStaircaseAndTheRestSayWhy() {
    StepOutcome outcome = roundtrip("up-fails", "steps:\n  - roundtrip: all\n");

    String failure = "apply 20240602000000 failed in 20240602000000_add_accounts_email.sql: [SQLITE_ERROR] SQL error "
        + "or missing database (duplicate column name: email)" + System.lineSeparator()
        + "  statement: ALTER TABLE accounts ADD COLUMN email VARCHAR(255)";
    assertEquals(new StepOutcome(List.of(
        Check.passed(ACCOUNTS, "passed", "passed"),
        Check.failed("roundtrip 20240602000000_add_accounts_email.sql", "passed", "up fails", failure + "\n\n"
            + "It fails on a database migrated straight to 20240601000000_create_accounts.sql as well: " + failure),
        Check.failed(BIO, "passed", "not checked", "not checked: 20240602000000_add_accounts_email.sql cannot be "
            + "applied, not even on a database migrated straight to 20240601000000_create_accounts.sql, so no "
            + "migration after it can be")),
        "round-trip of 3 migrations: 1 passed, 1 failed, 1 not checked"), outcome);
  }

  @Test
  void lastAppliesTheMigrationsBeforeTheRangeWithoutRoundTrippingThem() {
    // 20240603000000 adds a column to accounts: its up succeeds only if the two before it were applied.
    assertEquals(new StepOutcome(List.of(Check.passed(BIO, "passed", "passed")),
        "round-trip of 1 migration: 1 passed"), roundtrip("not-null-empty-undo", """
            steps:
              - roundtrip: {last: 1}
            """));
  }

  @Test
  void fromAndToAreBothIncluded() {
    StepOutcome outcome = roundtrip("undo-fails", """
        steps:
          - roundtrip: {from: 20240601000000, to: 20240602000000}
        """);

    assertEquals(List.of(ACCOUNTS, "roundtrip 20240602000000_rename_accounts_nickname.sql"),
        outcome.checks().stream().map(Check::name).toList());
    assertEquals("round-trip of 2 migrations: 1 passed, 1 failed", outcome.detail());
  }

  @Test
  void aDatabasePastTheStartOfTheRangeIsAnError() {
    StepFailure failure = assertThrows(StepFailure.class, () -> roundtrip("not-null-empty-undo", """
        steps:
          - apply: head
          - roundtrip: {last: 1}
        """));

    assertEquals("roundtrip last 1 starts at 20240603000000_add_accounts_bio.sql, but the database is already at "
        + "version 20240603000000 — a round-trip applies each migration of its range itself: put it before the step "
        + "that applies 20240603000000, or roll back first", failure.getMessage());
  }

  @Test
  void withNothingPendingThereIsNothingToRoundTrip() {
    assertEquals(StepOutcome.done("nothing to round-trip: no migration is pending at version 20240601000000"),
        roundtrip(null, """
            steps:
              - apply: head
              - roundtrip: all
            """));
  }
}
