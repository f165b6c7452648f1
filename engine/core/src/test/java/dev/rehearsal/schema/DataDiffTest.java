package dev.rehearsal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a reviewer reads when two data snapshots differ: per table and per column, in words. */
class DataDiffTest {

  private final SqliteScratches databases = new SqliteScratches();

  @AfterEach
  void drop() {
    databases.close();
  }

  private static final String USERS = "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, legacy_email TEXT)";
  private static final String[] THREE_USERS = {USERS,
      "INSERT INTO users VALUES (1, 'ada@example.com', 'ada@old.example')",
      "INSERT INTO users VALUES (2, 'grace@example.com', 'grace@old.example')",
      "INSERT INTO users VALUES (3, 'linus@example.com', 'linus@old.example')"};

  private DataSnapshot data(String... statements) {
    return databases.data(List.of(), statements);
  }

  @Test
  void lostColumnValuesAreCountedByColumn() {
    DataSnapshot before = data(THREE_USERS);
    DataSnapshot after = data(USERS,
        "INSERT INTO users VALUES (1, 'ada@example.com', NULL)",
        "INSERT INTO users VALUES (2, 'grace@example.com', NULL)",
        "INSERT INTO users VALUES (3, 'linus@example.com', NULL)");

    DataDiff diff = DataDiff.between(before, after, List.of(), "before", "after rollback");

    assertEquals(List.of("column users.legacy_email: 0 values after rollback, 3 values before"), diff.changes());
  }

  @Test
  void changedValuesWithTheSameCountSaySo() {
    DataSnapshot before = data(THREE_USERS);
    DataSnapshot after = data(USERS,
        "INSERT INTO users VALUES (1, 'ADA@example.com', 'ada@old.example')",
        "INSERT INTO users VALUES (2, 'grace@example.com', 'grace@old.example')",
        "INSERT INTO users VALUES (3, 'linus@example.com', 'linus@old.example')");

    DataDiff diff = DataDiff.between(before, after, List.of(), "at snapshot before", "now");

    assertEquals(List.of("column users.email: 3 values now, 3 values at snapshot before (values changed)"),
        diff.changes());
  }

  @Test
  void aChangedRowCountIsNamedWithBothCounts() {
    DataSnapshot before = data(THREE_USERS);
    DataSnapshot after = data(USERS, "INSERT INTO users VALUES (1, 'ada@example.com', 'ada@old.example')");

    DataDiff diff = DataDiff.between(before, after, List.of(), "at snapshot before", "now");

    assertEquals("""
        table users: 1 row now, 3 rows at snapshot before
        column users.email: 1 value now, 3 values at snapshot before
        column users.id: 1 value now, 3 values at snapshot before
        column users.legacy_email: 1 value now, 3 values at snapshot before""", diff.render());
  }

  @Test
  void aTableThatAppearedOrDisappearedIsNamedWithItsRows() {
    DataSnapshot before = data(THREE_USERS);
    DataSnapshot after = data("CREATE TABLE audit (id INTEGER)", "INSERT INTO audit VALUES (1)");

    DataDiff diff = DataDiff.between(before, after, List.of(), "before", "after rollback");

    assertEquals(List.of("table audit: 1 row after rollback, absent before",
        "table users: absent after rollback, 3 rows before"), diff.changes());
  }

  @Test
  void onlyTheListedTablesAreCompared() {
    DataSnapshot before = data(THREE_USERS[0], THREE_USERS[1], "CREATE TABLE audit (id INTEGER)");
    DataSnapshot after = data(THREE_USERS[0], THREE_USERS[1], "CREATE TABLE audit (id INTEGER)",
        "INSERT INTO audit VALUES (1)");

    assertTrue(DataDiff.between(before, after, List.of("USERS"), "before", "now").isEmpty());
    assertEquals(List.of("table audit: 1 row now, 0 rows before", "column audit.id: 1 value now, 0 values before"),
        DataDiff.between(before, after, List.of("audit"), "before", "now").changes());
  }

  @Test
  void rowsThatCombineTheSameValuesDifferentlyAreNoticed() {
    DataSnapshot before = data(USERS, "INSERT INTO users VALUES (1, 'ada@example.com', NULL)",
        "INSERT INTO users VALUES (2, 'grace@example.com', NULL)");
    DataSnapshot after = data(USERS, "INSERT INTO users VALUES (1, 'grace@example.com', NULL)",
        "INSERT INTO users VALUES (2, 'ada@example.com', NULL)");

    DataDiff diff = DataDiff.between(before, after, List.of(), "before", "now");

    assertEquals(List.of("table users: same row count and column values, but rows combine them differently now "
        + "than before"), diff.changes());
  }

  @Test
  void keptColumnValuesNameWhatIsMissingAndWhatIsNew() {
    DataSnapshot before = databases.data(List.of("users.email"), THREE_USERS);
    DataSnapshot after = databases.data(List.of("users.email"), USERS,
        "INSERT INTO users VALUES (1, 'ada@example.com', 'ada@old.example')",
        "INSERT INTO users VALUES (2, 'Grace@Example.com', 'grace@old.example')",
        "INSERT INTO users VALUES (3, 'linus@example.com', 'linus@old.example')");

    DataDiff diff = DataDiff.between(before, after, List.of(), "before", "now");

    assertEquals(List.of("column users.email: 3 values now, 3 values before (values changed)",
        "values of users.email before but not now: [grace@example.com]; now but not before: [Grace@Example.com]"),
        diff.changes());
  }
}
