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
 * {@code seed: {generate: ...}} on one engine (see the subclasses): rows made in the database, every value from
 * the seed and the row number, foreign keys drawn from the parent's rows, unnamed columns filled by type or left
 * NULL. The same seed gives the same values on every engine: the counts and sums below hold in each subclass.
 */
abstract class GeneratedSeedContract {

  @TempDir
  Path project;

  private ScratchDatabase scratch;
  ScenarioSteps steps;

  abstract Database database();

  abstract String environment();

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
        CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, vip BOOLEAN NOT NULL);
        CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id),
          status VARCHAR(10) NOT NULL, note VARCHAR(40), created_at DATE NOT NULL, amount NUMERIC(10,2),
          kind VARCHAR(10) DEFAULT 'web' NOT NULL);

        -- //@UNDO
        DROP TABLE orders;
        DROP TABLE customers;
        """);
    MigrationRepository repository = MigrationRepository.open(migrations, List.of(migrations.resolve("scripts")),
        environment());
    scratch = database().createScratch("generate_" + System.nanoTime());
    steps = new ScenarioSteps(database(), scratch, repository, project, project.resolve("fixtures"),
        project.resolve("backups"));
    steps.run("- apply: head");
  }

  @AfterEach
  void dropScratch() {
    scratch.close();
  }

  /** The engine's concatenation in the checks' SQL: MariaDB reads {@code ||} as OR. */
  private String concat(String... parts) {
    return database().seedDialect().concat(parts);
  }

  private String text(String expression) {
    return database().seedDialect().text(expression);
  }

  @Test
  void generatesRowsFromTheSeedWithForeignKeysDrawnFromTheParent() {
    List<StepOutcome> outcomes = steps.runAll("""
        - seed: {generate: {table: customers, rows: 50}}
        - seed:
            generate:
              table: orders
              rows: 2000
              seed: 7
              columns:
                status: {one_of: [paid, shipped, void]}
                note: {text: 12}
                created_at: {dates: [2024-01-01, 2024-12-31]}
        - expect:
            rows: {customers: 50, orders: 2000}
            query:
              - {sql: "SELECT count(*) FROM orders WHERE customer_id NOT IN (SELECT id FROM customers)", equals: 0}
              - {sql: "SELECT count(DISTINCT customer_id) > 40 FROM orders", equals: true}
              - {sql: "SELECT count(*) FROM orders WHERE length(note) <> 12", equals: 0}
              - {sql: "SELECT count(DISTINCT note) FROM orders", equals: 2000}
              - {sql: "SELECT %1$s FROM orders", equals: "1..2000"}
              - {sql: "SELECT count(*) FROM orders WHERE amount IS NOT NULL OR kind <> 'web'", equals: 0}
              - {sql: "SELECT %2$s FROM orders GROUP BY status ORDER BY status",
                 rows: [[paid 668], [shipped 661], [void 671]]}
              - {sql: "SELECT %3$s FROM orders",
                 equals: 2024-01-01 2024-12-31}
              - {sql: "SELECT sum(customer_id) FROM orders", equals: 50778}
              - {sql: "SELECT count(*) FROM customers WHERE name = %4$s", equals: 50}
        """.formatted(concat("min(id)", "'..'", "max(id)"), concat("status", "' '", "count(*)"),
            concat("CAST(min(created_at) AS CHAR(10))", "' '", "CAST(max(created_at) AS CHAR(10))"),
            concat("'name-'", text("id"))));

    assertEquals("50 rows generated in customers (seed 1)", outcomes.get(0).detail());
    assertEquals("2000 rows generated in orders (seed 7)", outcomes.get(1).detail());
    assertEquals(List.of(), outcomes.get(2).checks().stream().filter(c -> !c.passed()).toList());
  }

  @Test
  void anotherSeedGivesOtherRowsAndMoreRowsFollowTheOnesThere() {
    List<StepOutcome> outcomes = steps.runAll("""
        - seed: {generate: {table: customers, rows: 10}}
        - seed: {generate: {table: customers, rows: 10, seed: 2, columns: {name: {one_of: [a, b]}}}}
        - seed: {generate: {table: orders, rows: 100, columns: {customer_id: {range: [3, 4]}}}}
        - expect:
            query:
              - {sql: "SELECT %s FROM customers", equals: "1..20"}
              - {sql: "SELECT count(*) FROM customers WHERE id > 10 AND name IN ('a', 'b')", equals: 10}
              - {sql: "SELECT count(*) FROM orders WHERE customer_id NOT IN (3, 4)", equals: 0}
        """.formatted(concat("min(id)", "'..'", "max(id)")));

    assertEquals(List.of(), outcomes.get(3).checks().stream().filter(c -> !c.passed()).toList());
  }

  @Test
  void aChildOfAnEmptyParentAndAnUnknownColumnFailTheStepSayingWhy() {
    StepFailure empty = assertThrows(StepFailure.class,
        () -> steps.run("- seed: {generate: {table: orders, rows: 5}}"));
    assertEquals("cannot generate rows of orders: customer_id references customers, which has no rows — seed "
        + "customers first", empty.getMessage());

    StepFailure unknown = assertThrows(StepFailure.class,
        () -> steps.run("- seed: {generate: {table: customers, rows: 5, columns: {nmae: {text: 3}}}}"));
    assertEquals(project.resolve("steps-under-test.yaml").getFileName() + ":3:60: customers has no column 'nmae' "
        + "— its columns are id, name, vip", unknown.getMessage().replaceFirst("^.*/", ""));
  }
}
