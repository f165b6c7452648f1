package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.sqlite.SqliteDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Table names on SQLite, whose schemas are the databases of the connection: {@code main} (the scratch file) and
 * {@code temp}; {@code main.users} is {@code users}, any other schema does not exist.
 */
class SqliteTableNamesTest extends TableNamesContract {

  private final SqliteDatabase sqlite = new SqliteDatabase("sqlite");

  @Override
  Database database() {
    return sqlite;
  }

  @Override
  String environment() {
    return "sqlite";
  }

  @Override
  String moreTables() {
    return "";
  }

  @Override
  String defaultSchema() {
    return "main";
  }

  @Override
  String schemas() {
    return String.join(", ", steps.session().relations().schemas());
  }

  @Test
  void aSchemaOtherThanMainFailsTheCheckThatNamesIt() {
    StepOutcome outcome = steps.run("""
        - expect:
            rows: {shadow.users: 2}
        """);

    assertEquals(new StepOutcome(List.of(Check.failed("rows shadow.users = 2", "2 rows",
        "no schema shadow — the schemas are " + schemas(), "")), "1 of 1 check failed"), outcome);
  }
}
