package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.Session;
import dev.rehearsal.database.sqlite.SqliteDatabase;
import dev.rehearsal.migrations.MigrationFailedException;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.scenario.ReadContext;
import dev.rehearsal.scenario.ScenarioReader;
import dev.rehearsal.scenario.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each step kind run through the registry on a real SQLite scratch database, against the small repository and
 * fixtures in {@code src/test/resources/library}. Steps are written as scenario YAML, the way operators write them.
 */
class StepsTest {

  private static final Path LIBRARY = Path.of("src/test/resources/library").toAbsolutePath();
  private static final String UNIQUE_TITLES = "20240104000000_unique_book_titles.sql";

  @TempDir
  Path dir;

  private final SqliteDatabase sqlite = new SqliteDatabase("sqlite");
  private final MigrationRepository repository = MigrationRepository.open(LIBRARY.resolve("migrations"),
      List.of(LIBRARY.resolve("migrations/scripts")), "sqlite");
  private final StepRegistry registry = StepRegistry.standard();
  private ScratchDatabase scratch;
  private StepContext context;

  @BeforeEach
  void createScratch() {
    scratch = sqlite.createScratch("steps");
    context = new StepContext(sqlite, scratch, repository,
        new StepContext.Settings(LIBRARY, false), Path.of("target/test-backups").toAbsolutePath());
  }

  @AfterEach
  void dropScratch() {
    scratch.close();
  }

  /** The steps of a scenario whose {@code steps:} list is {@code items} (list items written at column 1). */
  private List<Step> parse(String items, Path fixtures) {
    Path file = dir.resolve("steps-under-test.yaml");
    String indented = items.lines().map(line -> "  " + line).collect(Collectors.joining("\n"));
    try {
      Files.writeString(file, "scenario: steps under test\nsteps:\n" + indented + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ReadContext read = new ReadContext(LIBRARY, fixtures, repository.ids(), List.of("sqlite"));
    return new ScenarioReader(read).read(file).steps();
  }

  /** Runs every step and returns the outcome of the last one. */
  private StepOutcome run(String items) {
    return run(items, LIBRARY.resolve("fixtures"));
  }

  private StepOutcome run(String items, Path fixtures) {
    StepOutcome last = null;
    for (Step step : parse(items, fixtures)) {
      last = registry.run(step, context);
    }
    return last;
  }

  private List<List<Object>> query(String sql) {
    try (Session session = new Session(sqlite, scratch)) {
      return session.query(sql);
    }
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  private String version() {
    List<List<Object>> rows = query("SELECT max(ID) FROM CHANGELOG");
    return String.valueOf(rows.get(0).get(0));
  }

  private static final String DUPLICATE_TITLES = """
      - apply: 20240103000000
      - seed: authors.yaml
      - seed:
          rows:
            books:
              - {id: 1, author_id: 1, title: Earthsea}
              - {id: 2, author_id: 2, title: Earthsea}
      """;

  private static final String UNIQUE_FAILURE = "apply head failed in " + UNIQUE_TITLES + ": "
      + "[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: books.title)"
      + System.lineSeparator() + "  statement: CREATE UNIQUE INDEX ux_books_title ON books (title)";

  @Test
  void applyMigratesAndSaysWhereItStopped() {
    StepOutcome outcome = run("- apply: 20240102000000");

    assertEquals(StepOutcome.done("2 migrations applied, now at version 20240102000000"), outcome);
    assertEquals("20240102000000", version());
    assertEquals(StepOutcome.done("2 migrations applied, now at version 20240104000000"), run("- apply: head"));
  }

  /** How a check shows the class and code of the duplicate title, before the message. */
  private static final String UNIQUE_CLASS = "unique_violation (SQLITE_CONSTRAINT_UNIQUE (2067)): ";

  @Test
  void applyExpectingAnErrorPassesWhenTheMigrationFailsWithThatText() {
    run(DUPLICATE_TITLES);

    StepOutcome outcome = run("- apply: {to: head, expect_error: 'unique constraint failed: books.title'}");

    assertEquals(new StepOutcome(List.of(Check.passed("apply head fails with 'unique constraint failed: books.title'",
        "an error containing 'unique constraint failed: books.title'", UNIQUE_CLASS + UNIQUE_FAILURE)),
        "failed as expected: apply head failed in " + UNIQUE_TITLES + ": [SQLITE_CONSTRAINT_UNIQUE] A UNIQUE "
            + "constraint failed (UNIQUE constraint failed: books.title)"), outcome);
    assertEquals("20240103000000", version());
  }

  @Test
  void applyExpectingAnErrorFailsWhenTheMessageDiffers() {
    run(DUPLICATE_TITLES);

    StepOutcome outcome = run("- apply: {to: head, expect_error: FOREIGN KEY constraint failed}");

    assertEquals(List.of(Check.failed("apply head fails with 'FOREIGN KEY constraint failed'",
        "an error containing 'FOREIGN KEY constraint failed'", UNIQUE_CLASS + UNIQUE_FAILURE, "")), outcome.checks());
  }

  @Test
  void applyExpectingAnErrorFailsWhenNothingFails() {
    StepOutcome outcome = run("- apply: {to: head, expect_error: UNIQUE constraint failed}");

    assertEquals(List.of(Check.failed("apply head fails with 'UNIQUE constraint failed'",
        "an error containing 'UNIQUE constraint failed'", "no error: 4 migrations applied, now at version "
            + "20240104000000", "")), outcome.checks());
  }

  @Test
  void applyWithoutExpectErrorThrowsTheMigrationFailure() {
    run(DUPLICATE_TITLES);
    List<Step> apply = parse("- apply: head", LIBRARY.resolve("fixtures"));

    MigrationFailedException e = assertThrows(MigrationFailedException.class,
        () -> registry.run(apply.get(0), context));

    assertEquals(UNIQUE_FAILURE, e.getMessage());
  }

  @Test
  void rollbackUndoesToAnIdByStepsAndToBase() {
    run("- apply: head");

    assertEquals(StepOutcome.done("2 migrations rolled back, now at version 20240102000000"),
        run("- rollback: 20240102000000"));
    assertEquals(StepOutcome.done("1 migration rolled back, now at version 20240101000000"),
        run("- rollback: {steps: 1}"));
    assertEquals(StepOutcome.done("1 migration rolled back, now at version base"), run("- rollback: base"));
    assertEquals(List.of(row("CHANGELOG")), query("SELECT name FROM sqlite_master WHERE type = 'table'"));
  }

  @Test
  void rollbackExpectingAnErrorPassesOrFailsOnTheMessage() {
    run("- apply: 20240101000000");

    StepOutcome refused = run("- rollback: {to: 20240103000000, expect_error: not applied}");
    StepOutcome done = run("- rollback: {to: base, expect_error: not applied}");

    String message = "cannot roll back to 20240103000000: it is not applied (the database is at 20240101000000) "
        + "— use apply to go forward";
    assertEquals(new StepOutcome(List.of(Check.passed("rollback 20240103000000 fails with 'not applied'",
        "an error containing 'not applied'", "no class (not a database error): " + message)), "failed as expected: " + message),
        refused);
    assertEquals(List.of(Check.failed("rollback base fails with 'not applied'", "an error containing 'not applied'",
        "no error: 1 migration rolled back, now at version base", "")), done.checks());
  }

  @Test
  void seedsAYamlFixture() {
    StepOutcome outcome = run("""
        - apply: 20240101000000
        - seed: authors.yaml
        """);

    assertEquals(StepOutcome.done("2 rows inserted from fixtures/authors.yaml"), outcome);
    assertEquals(List.of(row(1, "Ursula K. Le Guin", 1929), row(2, "Anonymous", null)),
        query("SELECT id, name, born FROM authors ORDER BY id"));
  }

  @Test
  void seedsACsvFixtureKeepingQuotedCommasAndLoadingEmptyFieldsAsNull() {
    StepOutcome outcome = run("""
        - apply: 20240102000000
        - seed: authors.yaml
        - seed: books.csv
        """);

    assertEquals(StepOutcome.done("2 rows inserted into books from fixtures/books.csv"), outcome);
    assertEquals(List.of(row(1, 1, "A Wizard of Earthsea", 8.99), row(2, 1, "The Dispossessed, an Ambiguous Utopia",
        null)), query("SELECT id, author_id, title, price FROM books ORDER BY id"));
  }

  @Test
  void seedsACsvFixtureIntoTheNamedTable() {
    StepOutcome outcome = run("""
        - apply: 20240102000000
        - seed: authors.yaml
        - seed: {file: more-books.csv, table: books}
        """);

    assertEquals(StepOutcome.done("1 row inserted into books from fixtures/more-books.csv"), outcome);
    assertEquals(List.of(row(3, "Beowulf", 4.5)), query("SELECT id, title, price FROM books"));
  }

  @Test
  void reportsACsvLineWithTheWrongNumberOfFields() throws IOException {
    Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
    Files.writeString(fixtures.resolve("authors.csv"), "id,name\n1,Ursula\n2,Anonymous,1900\n");
    List<Step> steps = parse("- apply: 20240101000000\n- seed: authors.csv", fixtures);
    registry.run(steps.get(0), context);

    StepFailure e = assertThrows(StepFailure.class, () -> registry.run(steps.get(1), context));

    assertEquals(fixtures.resolve("authors.csv") + ":3: 3 fields where the header has 2 — every line needs one "
        + "value per column", e.getMessage());
    assertEquals(List.of(row(0)), query("SELECT count(*) FROM authors"));
  }

  @Test
  void aCsvRowThatViolatesAConstraintIsNamedByItsFileAndLine() throws IOException {
    Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
    Files.writeString(fixtures.resolve("authors.csv"), "id,name\n1,Ursula\n2,\"Le Guin,\nUrsula\"\n3,Ursula\n");
    Files.writeString(fixtures.resolve("pseudonyms.csv"), "id,pen_name\n1,Tiptree\n");
    List<Step> steps = parse("""
        - apply: 20240101000000
        - seed: authors.csv
        - seed: {file: pseudonyms.csv, table: authors}
        """, fixtures);
    registry.run(steps.get(0), context);

    DatabaseException duplicate = assertThrows(DatabaseException.class, () -> registry.run(steps.get(1), context));
    DatabaseException header = assertThrows(DatabaseException.class, () -> registry.run(steps.get(2), context));

    // The third row starts on line 5: the second one spans lines 3 and 4.
    assertEquals("cannot insert into authors (" + fixtures.resolve("authors.csv") + ":5): "
        + "[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: authors.name)",
        duplicate.getMessage());
    assertTrue(header.getMessage().startsWith("cannot insert into authors (" + fixtures.resolve("pseudonyms.csv")
        + ":1): "), header.getMessage());
  }

  @Test
  void theRowOfABatchThatFailsIsNamedNotTheLastOne() {
    List<Step> steps = parse("""
        - apply: 20240101000000
        - seed:
            rows:
              authors:
                - {id: 1, name: Ursula}
                - {id: 2, name: Ursula}
                - {id: 3, name: Anonymous}
        """, LIBRARY.resolve("fixtures"));
    registry.run(steps.get(0), context);

    DatabaseException e = assertThrows(DatabaseException.class, () -> registry.run(steps.get(1), context));

    assertTrue(e.getMessage().startsWith("cannot insert into authors (row at " + dir.resolve("steps-under-test.yaml")
        + ":8:13): "), e.getMessage());
  }

  @Test
  void seedsASqlFixtureLikeAMigrationScript() {
    StepOutcome outcome = run("""
        - apply: 20240102000000
        - seed: authors.yaml
        - seed: more-books.sql
        """);

    assertEquals(StepOutcome.done("ran fixtures/more-books.sql"), outcome);
    assertEquals(List.of(row(4, "The Left Hand of Darkness"), row(5, "Sir Gawain and the Green Knight")),
        query("SELECT id, title FROM books ORDER BY id"));
  }

  @Test
  void seedsInlineRowsTableByTableWithTypedValues() {
    StepOutcome outcome = run("""
        - apply: 20240102000000
        - seed:
            rows:
              authors:
                - {id: 1, name: Ursula K. Le Guin, born: 1929}
                - {id: 2, name: Anonymous}
              books:
                - {id: 1, author_id: 1, title: Earthsea, price: 8.99}
        """);

    assertEquals(StepOutcome.done("3 rows inserted from inline rows"), outcome);
    assertEquals(List.of(row(1, 1929), row(2, null)), query("SELECT id, born FROM authors ORDER BY id"));
    assertEquals(List.of(row("Earthsea", 8.99)), query("SELECT title, price FROM books"));
  }

  @Test
  void aSeedRowThatViolatesAConstraintIsNamedByItsPosition() {
    List<Step> steps = parse("""
        - apply: 20240101000000
        - seed:
            rows:
              authors:
                - {id: 1, name: Ursula}
                - {id: 2, name: Ursula}
        """, LIBRARY.resolve("fixtures"));
    registry.run(steps.get(0), context);

    DatabaseException e = assertThrows(DatabaseException.class, () -> registry.run(steps.get(1), context));

    assertEquals("cannot insert into authors (row at " + dir.resolve("steps-under-test.yaml") + ":8:13): "
        + "[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: authors.name)",
        e.getMessage());
    assertEquals(List.of(row(0)), query("SELECT count(*) FROM authors"));
  }

  @Test
  void aBadRowInTheSecondTableLeavesNoRowOfTheFirst() {
    List<Step> steps = parse("""
        - apply: 20240102000000
        - seed:
            rows:
              authors:
                - {id: 1, name: Ursula}
                - {id: 2, name: Anonymous}
              books:
                - {id: 1, author_id: 1, title: A Wizard of Earthsea}
                - {id: 1, author_id: 2, title: Beowulf}
        """, LIBRARY.resolve("fixtures"));
    registry.run(steps.get(0), context);

    DatabaseException e = assertThrows(DatabaseException.class, () -> registry.run(steps.get(1), context));

    assertTrue(e.getMessage().startsWith("cannot insert into books (row at "), e.getMessage());
    assertEquals(List.of(row(0)), query("SELECT count(*) FROM authors"));
    assertEquals(List.of(row(0)), query("SELECT count(*) FROM books"));
  }

  @Test
  void sqlRunsItsStatementsInOneTransaction() {
    run("- apply: 20240101000000");
    List<Step> sql = parse("""
        - sql: |
            INSERT INTO authors (id, name) VALUES (1, 'Ursula');
            INSERT INTO authors (id, name) VALUES (2, NULL);
        """, LIBRARY.resolve("fixtures"));

    MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> registry.run(sql.get(0), context));

    assertEquals("sql at " + dir.resolve("steps-under-test.yaml") + ":3:5 failed: [SQLITE_CONSTRAINT_NOTNULL] A NOT "
        + "NULL constraint failed (NOT NULL constraint failed: authors.name)" + System.lineSeparator()
        + "  statement: INSERT INTO authors (id, name) VALUES (2, NULL)", e.getMessage());
    assertEquals(List.of(row(0)), query("SELECT count(*) FROM authors"));
    assertEquals(StepOutcome.done("script ran"), run("- sql: \"INSERT INTO authors (id, name) VALUES (1, 'U');\""));
    assertEquals(List.of(row(1)), query("SELECT count(*) FROM authors"));
  }

  @Test
  void sqlExpectingAnErrorPassesOrFailsOnTheMessage() {
    run("- apply: 20240102000000");

    StepOutcome matching = run("- sql: {script: 'INSERT INTO books (id, author_id, title) VALUES (1, 99, ''X'');', "
        + "expect_error: FOREIGN KEY constraint failed}");
    StepOutcome other = run("- sql: {script: 'INSERT INTO books (id, author_id, title) VALUES (1, 99, ''X'');', "
        + "expect_error: no such table}");
    StepOutcome none = run("- sql: {script: 'DELETE FROM books;', expect_error: no such table}");

    String message = "sql at " + dir.resolve("steps-under-test.yaml") + ":3:5 failed: [SQLITE_CONSTRAINT_FOREIGNKEY] "
        + "A foreign key constraint failed (FOREIGN KEY constraint failed)" + System.lineSeparator()
        + "  statement: INSERT INTO books (id, author_id, title) VALUES (1, 99, 'X')";
    String found = "foreign_key_violation (SQLITE_CONSTRAINT_FOREIGNKEY (787)): ";
    assertEquals(List.of(Check.passed("sql fails with 'FOREIGN KEY constraint failed'",
        "an error containing 'FOREIGN KEY constraint failed'", found + message)), matching.checks());
    assertEquals(List.of(Check.failed("sql fails with 'no such table'", "an error containing 'no such table'",
        found + message, "")), other.checks());
    assertEquals(List.of(Check.failed("sql fails with 'no such table'", "an error containing 'no such table'",
        "no error: script ran", "")), none.checks());
  }

  private static final String SEEDED_AT_BOOKS = """
      - apply: 20240102000000
      - seed: authors.yaml
      - seed: books.csv
      """;

  @Test
  void expectationsThatHoldAreEachAPassedCheck() {
    run(SEEDED_AT_BOOKS);

    StepOutcome outcome = run("""
        - expect:
            version: 20240102000000
            pending: 2
            rows: {authors: 2, books: 2}
            tables: {present: [authors, BOOKS], absent: [reviews]}
            columns:
              authors: [name, id, born]
              books: {present: [title], absent: [isbn]}
            query:
              - {sql: "SELECT count(*) FROM books WHERE price IS NULL", equals: 1}
              - {sql: "SELECT price FROM books WHERE id = 1", equals: 8.990}
              - sql: SELECT id, born FROM authors ORDER BY id
                rows: [[1, 1929], [2, null]]
        """);

    assertEquals(new StepOutcome(List.of(
        Check.passed("version 20240102000000", "20240102000000", "20240102000000"),
        Check.passed("pending 2", "2", "2"),
        Check.passed("rows authors = 2", "2 rows", "2 rows"),
        Check.passed("rows books = 2", "2 rows", "2 rows"),
        Check.passed("table authors present", "present", "present"),
        Check.passed("table BOOKS present", "present", "present"),
        Check.passed("table reviews absent", "absent", "absent"),
        Check.passed("columns authors = [name, id, born]", "born, id, name", "born, id, name"),
        Check.passed("columns books has [title], lacks [isbn]", "has title; lacks isbn", "author_id, id, price, title"),
        Check.passed("query SELECT count(*) FROM books WHERE price IS NULL", "1", "1"),
        Check.passed("query SELECT price FROM books WHERE id = 1", "8.990", "8.99"),
        Check.passed("query SELECT id, born FROM authors ORDER BY id", "[1, 1929]\n[2, null]", "[1, 1929]\n[2, null]")),
        "12 checks passed"), outcome);
  }

  @Test
  void expectationsThatDoNotHoldAreFailedChecksWithExpectedActualAndDiff() {
    run(SEEDED_AT_BOOKS);

    StepOutcome outcome = run("""
        - expect:
            version: head
            pending: 0
            rows: {authors: 3, reviews: 0}
            tables: {present: [reviews], absent: [books]}
            columns:
              authors: [id, name]
              books: {present: [isbn], absent: [title]}
            query:
              - {sql: "SELECT name FROM authors WHERE id = 2", equals: Nobody}
              - {sql: "SELECT id FROM authors ORDER BY id", equals: 1}
              - sql: SELECT id, name FROM authors ORDER BY id
                rows: [[1, Ursula K. Le Guin], [2, Nobody], [3, Homer]]
        """);

    assertEquals(new StepOutcome(List.of(
        Check.failed("version head", "20240104000000", "20240102000000", ""),
        Check.failed("pending 0", "0", "2", "pending: 20240103000000_add_books_isbn.sql, " + UNIQUE_TITLES),
        Check.failed("rows authors = 3", "3 rows", "2 rows", ""),
        Check.failed("rows reviews = 0", "0 rows", "no table reviews", ""),
        Check.failed("table reviews present", "present", "absent", ""),
        Check.failed("table books absent", "absent", "present", ""),
        Check.failed("columns authors = [id, name]", "id, name", "born, id, name",
            "+ authors.born (present, not expected)"),
        Check.failed("columns books has [isbn], lacks [title]", "has isbn; lacks title", "author_id, id, price, title",
            "- books.isbn (expected, missing)\n+ books.title (present, not expected)"),
        Check.failed("query SELECT name FROM authors WHERE id = 2", "Nobody", "Anonymous", ""),
        Check.failed("query SELECT id FROM authors ORDER BY id", "1", "[1]\n[2]",
            "the query must return exactly one row with one column for 'equals'; it returned 2 rows of 1 columns"),
        Check.failed("query SELECT id, name FROM authors ORDER BY id",
            "[1, Ursula K. Le Guin]\n[2, Nobody]\n[3, Homer]", "[1, Ursula K. Le Guin]\n[2, Anonymous]", """
            row by row (- expected, + actual):
              [1, Ursula K. Le Guin]
            - [2, Nobody]
            + [2, Anonymous]
            - [3, Homer]""")),
        "11 of 11 checks failed"), outcome);
  }

  @Test
  void theRegistryKnowsEveryStepKind() {
    assertEquals(List.of("apply", "rollback", "seed", "sql", "expect", "snapshot", "roundtrip", "backup", "restore",
        "corrupt_backup", "fail", "rto"), registry.keywords());
  }
}
