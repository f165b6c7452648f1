package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rehearsal.testing.RequiresPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The round-trip verdicts on PostgreSQL, and the enum type an undo forgets. */
@RequiresPostgres
class PostgresRoundtripTest extends RoundtripVerdictsTest {

  @Override
  String kind() {
    return "postgres";
  }

  @Override
  String varchar(int length) {
    return "character varying(" + length + ")";
  }

  @Override
  String idColumn() {
    return "column accounts.id: integer, NOT NULL, no default";
  }

  @Override
  String freeDefault() {
    return "'free'::character varying";
  }

  @Override
  String noSuchColumn() {
    return "ERROR: column \"display_nmae\" does not exist (SQLState 42703)";
  }

  @Test
  void anEnumTypeLeftBehindMakesTheReapplyFailOnPostgres() {
    StepOutcome outcome = roundtrip("enum-left-behind", SEEDED + "  - roundtrip: all\n");

    assertEquals(new StepOutcome(List.of(Check.failed("roundtrip 20240602000000_add_accounts_status.sql", "passed",
        "re-apply fails", "apply 20240602000000 failed in 20240602000000_add_accounts_status.sql: ERROR: type "
            + "\"account_status\" already exists (SQLState 42710)" + System.lineSeparator() + """
              statement: CREATE TYPE account_status AS ENUM ('active', 'suspended')

            The rollback left:
            enum account_status: present after rollback, absent before

            --- before
            +++ after rollback
            @@ -5,1 +5,2 @@
             primary key accounts: (id)
            +enum account_status: active, suspended""")), "round-trip of 1 migration: 0 passed, 1 failed"), outcome);
  }
}
