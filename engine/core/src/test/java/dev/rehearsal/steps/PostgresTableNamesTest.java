package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.postgres.PostgresDatabase;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Schema-qualified names on PostgreSQL: {@code shadow.users} is the table of schema {@code shadow}, never
 * {@code public.users}; an unqualified name is looked up through the search path, as SQL does.
 */
@RequiresPostgres
class PostgresTableNamesTest extends TableNamesContract {

  private final PostgresDatabase postgres = new PostgresDatabase("postgres", PostgresServer.url(), "5min", "30s");

  @Override
  Database database() {
    return postgres;
  }

  @Override
  String environment() {
    return "postgres";
  }

  @Override
  String moreTables() {
    return """
        CREATE SCHEMA shadow;
        CREATE TABLE shadow.users (id INTEGER PRIMARY KEY, name VARCHAR(20), shadowed BOOLEAN);
        INSERT INTO shadow.users (id, name) SELECT g, 'shadow ' || g FROM generate_series(1, 7) g;
        CREATE TABLE shadow.only_here (id INTEGER);""";
  }

  @Override
  String defaultSchema() {
    return "public";
  }

  @Override
  String schemas() {
    return "public, shadow";
  }

  @Test
  void aSchemaQualifiedNameCountsAndListsThatSchemasTable() {
    StepOutcome outcome = steps.run("""
        - expect:
            rows: {shadow.users: 7, users: 2, Shadow.Users: 7}
            tables: {present: [shadow.users, shadow.only_here], absent: [shadow.nosuch]}
            columns: {shadow.users: [id, name, shadowed], users: [id, name]}
        """);

    assertEquals("8 checks passed", outcome.detail(), outcome.toString());
  }

  @Test
  void anUnqualifiedNameIsLookedUpThroughTheSearchPathOnly() {
    StepOutcome outcome = steps.run("""
        - expect:
            rows: {only_here: 0}
            tables: {present: [only_here]}
        """);

    String missing = "no table only_here in public (there is shadow.only_here — name it with its schema)";
    assertEquals(new StepOutcome(List.of(
        Check.failed("rows only_here = 0", "0 rows", missing, ""),
        Check.failed("table only_here present", "present", "absent", missing)), "2 of 2 checks failed"), outcome);
  }

  @Test
  void seedsAndSnapshotValuesGoToTheSchemaTheyName() {
    List<StepOutcome> outcomes = steps.runAll("""
        - seed: {rows: {shadow.users: [{id: 8, name: eve}]}}
        - snapshot: {label: before, values: [shadow.users.name]}
        - sql: "DELETE FROM shadow.users WHERE id = 8;"
        - expect:
            rows: {shadow.users: 7, users: 2}
            data: {same_as: before}
        """);

    assertEquals("1 row inserted from inline rows", outcomes.get(0).detail());
    StepOutcome expect = outcomes.get(3);
    assertEquals(List.of(Check.passed("rows shadow.users = 7", "7 rows", "7 rows"),
        Check.passed("rows users = 2", "2 rows", "2 rows")), expect.checks().subList(0, 2));
    Check data = expect.checks().get(2);
    assertEquals(Check.failed("data same_as before", "the data of snapshot before (5 tables)", "4 differences", """
        table shadow.users: 7 rows now, 8 rows at snapshot before
        column shadow.users.id: 7 values now, 8 values at snapshot before
        column shadow.users.name: 7 values now, 8 values at snapshot before
        values of shadow.users.name at snapshot before but not now: [eve]"""), data);
  }
}
