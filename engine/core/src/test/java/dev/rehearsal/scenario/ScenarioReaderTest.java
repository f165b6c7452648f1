package dev.rehearsal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader against good files in {@code src/test/resources/library} and broken ones in
 * {@code src/test/resources/broken}. Every message is asserted whole, with its {@code file:line:col}.
 */
class ScenarioReaderTest {

  private static final Path RESOURCES = Path.of("src/test/resources").toAbsolutePath();
  private static final Path FIXTURES = RESOURCES.resolve("library/fixtures");
  private static final List<BigDecimal> IDS = List.of(new BigDecimal("20240101000000"),
      new BigDecimal("20240102000000"), new BigDecimal("20240103000000"), new BigDecimal("20240104000000"));

  private final ScenarioReader reader = new ScenarioReader(context(FIXTURES));

  private static ReadContext context(Path fixtures) {
    return new ReadContext(RESOURCES, fixtures, new TreeSet<>(IDS), List.of("sqlite"));
  }

  private static SourcePosition at(int line, int column) {
    return new SourcePosition("library/scenarios/every-step.yaml", line, column);
  }

  private static Target id(String id) {
    return Target.id(new BigDecimal(id));
  }

  /** Every problem of the file, one {@code file:line:col: message} per line, as the CLI prints them. */
  private String problemsOf(ScenarioReader reader, String file) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> reader.read(RESOURCES.resolve(file)));
    return e.problems().stream().map(p -> p + "\n").collect(Collectors.joining());
  }

  private String problemsOf(String file) {
    return problemsOf(reader, file);
  }

  @Test
  void readsEveryStepKindInShortAndLongFormWithOneBasedPositions() {
    Scenario scenario = reader.read(RESOURCES.resolve("library/scenarios/every-step.yaml"));

    assertEquals("library/scenarios/every-step.yaml", scenario.file());
    assertEquals("Every step kind in short and long form", scenario.name());
    assertEquals(List.of("sqlite"), scenario.databases());
    assertEquals(List.of("reader", "example"), scenario.tags());
    assertEquals(at(2, 1), scenario.position());

    String authorsFile = "library/fixtures/authors.yaml";
    List<Step> expected = List.of(
        new ApplyStep(id("20240102000000"), null, at(6, 5)),
        new ApplyStep(Target.head(), ExpectedError.text("already at head"), at(7, 5)),
        new RollbackStep(id("20240101000000"), null, at(8, 5)),
        new RollbackStep(Target.base(), null, at(9, 5)),
        new RollbackStep(new Target.StepsBack(2), null, at(10, 5)),
        new RollbackStep(id("20240101000000"), ExpectedError.text("no such table"), at(11, 5)),
        new SeedStep(new SeedStep.Rows(List.of(new TableRows("authors", List.of(
            new TableRows.Row(row("id", 1L, "name", "Ursula K. Le Guin", "born", 1929L),
                new SourcePosition(authorsFile, 3, 5)),
            new TableRows.Row(row("id", 2L, "name", "Anonymous", "born", null),
                new SourcePosition(authorsFile, 4, 5))))), authorsFile, FIXTURES.resolve("authors.yaml")),
            at(12, 5)),
        new SeedStep(new SeedStep.CsvFile(FIXTURES.resolve("books.csv"), "library/fixtures/books.csv", "books"),
            at(13, 5)),
        new SeedStep(new SeedStep.CsvFile(FIXTURES.resolve("more-books.csv"), "library/fixtures/more-books.csv",
            "books"), at(14, 5)),
        new SeedStep(new SeedStep.SqlFile(FIXTURES.resolve("more-books.sql"), "library/fixtures/more-books.sql"),
            at(15, 5)),
        new SeedStep(new SeedStep.Rows(List.of(
            new TableRows("authors", List.of(
                new TableRows.Row(row("id", 9L, "name", "Anonymous", "born", null), at(19, 13)))),
            new TableRows("books", List.of(
                new TableRows.Row(row("id", 9L, "author_id", 9L, "title", "Beowulf", "price",
                    new BigDecimal("12.50")), at(21, 13))))), "inline rows"), at(16, 5)),
        new SqlStep("DELETE FROM books WHERE id = 9;", null, at(22, 5)),
        new SqlStep("DELETE FROM authors WHERE id = 1;\n", ExpectedError.text("FOREIGN KEY constraint failed"), at(23, 5)),
        new ExpectStep(List.of(
            new Expectation.Version(id("20240102000000"), at(28, 16)),
            new Expectation.Pending(2, at(29, 16)),
            new Expectation.RowCount("authors", 3, at(30, 14)),
            new Expectation.RowCount("books", 4, at(30, 26)),
            new Expectation.Table("authors", true, at(31, 26)),
            new Expectation.Table("books", true, at(31, 35)),
            new Expectation.Table("reviews", false, at(31, 52)),
            new Expectation.Columns("authors", List.of("id", "name", "born"), List.of(), List.of(), at(33, 9)),
            new Expectation.Columns("books", null, List.of("title"), List.of("isbn"), at(34, 9)),
            new Expectation.Query("SELECT count(*) FROM books", List.of(List.of(4L)), true, at(36, 11)),
            new Expectation.Query("SELECT 1 = 1", List.of(List.of(true)), true, at(37, 11)),
            new Expectation.Query("SELECT id, name FROM authors ORDER BY id",
                List.of(List.of(1L, "Ursula K. Le Guin"), Arrays.asList(2L, null)), false, at(38, 11))),
            at(27, 5)));

    assertEquals(expected.size(), scenario.steps().size(), "number of steps");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), scenario.steps().get(i), "step " + (i + 1));
    }
  }

  /** A row as written: keys and values alternate; values may be null, so no {@code Map.of}. */
  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }

  @Test
  void describesStepsForReports() {
    Scenario scenario = reader.read(RESOURCES.resolve("library/scenarios/every-step.yaml"));

    assertEquals("""
        apply 20240102000000
        apply head
        rollback 20240101000000
        rollback base
        rollback 2 steps
        rollback 20240101000000
        seed library/fixtures/authors.yaml
        seed library/fixtures/books.csv
        seed library/fixtures/more-books.csv
        seed library/fixtures/more-books.sql
        seed inline rows
        sql DELETE FROM books WHERE id = 9;
        sql DELETE FROM authors WHERE id = 1;
        expect version, pending, rows, tables, columns, query
        """, scenario.steps().stream().map(s -> s.describe() + "\n").collect(Collectors.joining()));
  }

  @Test
  void reportsUnknownTopLevelKeyWithPositionAndDidYouMean() {
    // The missing 'scenario' key is not reported again: the typo's hint already says it.
    assertEquals("""
        broken/unknown-top-level-key.yaml:1:1: unknown key 'scenaro' in a scenario file — did you mean 'scenario'?
        """, problemsOf("broken/unknown-top-level-key.yaml"));
  }

  @Test
  void reportsMissingRequiredKeyAtTheMapping() {
    assertEquals("""
        broken/missing-steps.yaml:1:1: a scenario file needs 'steps'
        """, problemsOf("broken/missing-steps.yaml"));
  }

  @Test
  void reportsUnknownStepWithHint() {
    assertEquals("""
        broken/unknown-step.yaml:3:5: unknown step 'aply' — did you mean 'apply'?
        broken/unknown-step.yaml:4:5: unknown step 'migrate' — expected one of: apply, rollback, seed, sql, expect, \
        snapshot, roundtrip, backup, restore, corrupt_backup, fail
        """, problemsOf("broken/unknown-step.yaml"));
  }

  @Test
  void reportsStepsThatAreNotAList() {
    assertEquals("""
        broken/steps-not-a-list.yaml:3:3: 'steps' must be a list, found a mapping
        """, problemsOf("broken/steps-not-a-list.yaml"));
  }

  @Test
  void reportsRowCountThatIsNotANumber() {
    assertEquals("""
        broken/row-count-not-a-number.yaml:5:23: the row count of 'authors' must be a whole number, found the text 'three'
        """, problemsOf("broken/row-count-not-a-number.yaml"));
  }

  @Test
  void reportsCountsBelowTheirMinimum() {
    assertEquals("""
        broken/negative-counts.yaml:4:23: 'rollback.steps' must be at least 1, found 0
        broken/negative-counts.yaml:6:23: the row count of 'authors' must be at least 0, found -1
        """, problemsOf("broken/negative-counts.yaml"));
  }

  @Test
  void reportsUnknownMigrationIdWithTheNearestIdOrTheRange() {
    assertEquals("""
        broken/unknown-migration-id.yaml:3:12: unknown migration id 20240102000001 — did you mean 20240102000000?
        broken/unknown-migration-id.yaml:4:15: unknown migration id 42 — the repository has 4 migrations, \
        from 20240101000000 to 20240104000000 ('rehearse list' shows them)
        """, problemsOf("broken/unknown-migration-id.yaml"));
  }

  @Test
  void reportsMissingFixtureFileWithTheClosestName() {
    assertEquals("""
        broken/missing-fixture.yaml:4:11: fixture file 'author.yaml' not found in library/fixtures \
        — did you mean 'authors.yaml'?
        """, problemsOf("broken/missing-fixture.yaml"));
  }

  @Test
  void rejectsFixturePathsThatLeaveTheFixturesDirectory() {
    assertEquals("""
        broken/fixture-outside-fixtures.yaml:4:11: fixture '../x.yaml' is outside library/fixtures \
        — keep fixture files in the fixtures directory
        broken/fixture-outside-fixtures.yaml:5:18: fixture '/etc/passwd.csv' is outside library/fixtures \
        — keep fixture files in the fixtures directory
        """, problemsOf("broken/fixture-outside-fixtures.yaml"));
  }

  @Test
  void rejectsAFixtureLinkThatLeadsOutsideTheFixturesDirectory(@TempDir Path project) throws IOException {
    Path secret = Files.writeString(Files.createDirectories(project.resolve("outside")).resolve("secret.csv"), "a\n1\n");
    Path fixtures = Files.createDirectories(project.resolve("fixtures"));
    Files.createSymbolicLink(fixtures.resolve("innocent.csv"), secret);
    Path scenario = Files.writeString(project.resolve("linked.yaml"), """
        scenario: Seeds through a link
        steps:
          - seed: innocent.csv
        """);
    ReadContext context = new ReadContext(project, fixtures, new TreeSet<>(IDS), List.of("sqlite"));

    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new ScenarioReader(context).read(scenario));

    assertEquals(List.of("linked.yaml:3:11: fixture 'innocent.csv' is a link that leads outside fixtures — copy the "
        + "file into the fixtures directory"), e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void rejectsTableNamesThatAreNotIdentifiers() {
    assertEquals("""
        broken/table-name-not-identifier.yaml:5:14: table name 'authors; DROP TABLE books' is not a plain name \
        — use letters, digits and _ (schema.table is allowed)
        """, problemsOf("broken/table-name-not-identifier.yaml"));
  }

  @Test
  void rejectsAStepWithTwoKeys() {
    assertEquals("""
        broken/step-with-two-keys.yaml:3:5: a step must be a single-key mapping such as '- apply: head', \
        found a mapping with 2 keys — put each step in its own list item
        """, problemsOf("broken/step-with-two-keys.yaml"));
  }

  @Test
  void rejectsAnEmptyFile() {
    assertEquals("""
        broken/empty.yaml:1:1: the file is empty — write a YAML mapping
        """, problemsOf("broken/empty.yaml"));
  }

  @Test
  void rejectsASecondYamlDocument() {
    assertEquals("""
        broken/two-documents.yaml:5:1: a second YAML document starts here — keep one document per file
        """, problemsOf("broken/two-documents.yaml"));
  }

  @Test
  void explainsTabIndentation() {
    assertEquals("""
        broken/tab-indentation.yaml:3:1: invalid YAML: while scanning for the next token: found character \
        '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation) — indent with spaces, not tabs
        """, problemsOf("broken/tab-indentation.yaml"));
  }

  @Test
  void rejectsALocalTag() {
    assertEquals("""
        broken/local-tag.yaml:3:12: the tag !foo is not allowed — remove it; scenario files use plain YAML
        """, problemsOf("broken/local-tag.yaml"));
  }

  @Test
  void rejectsATagThatNamesAJavaClass() {
    assertEquals("""
        broken/java-tag.yaml:3:11: invalid YAML: Global tag is not allowed: tag:yaml.org,2002:java.io.File \
        — remove it; scenario files use plain YAML
        """, problemsOf("broken/java-tag.yaml"));
  }

  @Test
  void rejectsADuplicateKey() {
    assertEquals("""
        broken/duplicate-key.yaml:5:26: duplicate key 'authors' in 'rows' — each key may appear once
        """, problemsOf("broken/duplicate-key.yaml"));
  }

  @Test
  void rejectsBytesThatAreNotUtf8WithTheirPosition() {
    assertEquals("""
        broken/not-utf8.yaml:1:14: the file is not valid UTF-8 (byte 0xE9) — save it as UTF-8 text
        """, problemsOf("broken/not-utf8.yaml"));
  }

  @Test
  void rejectsACyclicAnchor() {
    assertEquals("""
        broken/cyclic-anchor.yaml:2:8: an alias refers to a node that contains it — cyclic anchors are not allowed
        """, problemsOf("broken/cyclic-anchor.yaml"));
  }

  @Test
  void boundsNestingDepth() {
    assertEquals("""
        broken/deep-nesting.yaml:1:1: nesting deeper than 40 levels — a scenario never needs that
        """, problemsOf("broken/deep-nesting.yaml"));
  }

  @Test
  void reportsEveryProblemOfAGeneratedSeedWithItsPosition() {
    assertEquals("""
        broken/seed-generate-problems.yaml:6:15: 'seed.generate.rows' must be at least 1, found 0
        broken/seed-generate-problems.yaml:8:35: 'status.one_of' mixes text and numbers — list values of one kind
        broken/seed-generate-problems.yaml:9:27: 'amount.range' goes from 10 down to 1 — write [low, high]
        broken/seed-generate-problems.yaml:10:17: the rule of 'note' takes one of range, one_of, text or dates, \
        found text, range
        broken/seed-generate-problems.yaml:11:31: 'created_at.dates' goes from 2025-12-31 back to 2020-01-01 \
        — write [first, last]
        broken/seed-generate-problems.yaml:12:32: 'yesterday' in 'shipped_at.dates' is not a date — write YYYY-MM-DD
        broken/seed-generate-problems.yaml:13:18: unknown key 'pick' in the rule of 'kind' — expected one of: \
        range, one_of, text, dates
        """, problemsOf("broken/seed-generate-problems.yaml"));
  }

  @Test
  void boundsAliasExpansion() {
    assertEquals("""
        broken/alias-bomb.yaml:1:1: more than 20 aliases to lists or mappings — write the values out instead
        """, problemsOf("broken/alias-bomb.yaml"));
  }

  @Test
  void reportsProblemsOfAYamlFixtureAtTheFixturesOwnPosition() {
    ScenarioReader reader = new ScenarioReader(context(RESOURCES.resolve("broken/fixtures")));

    // The scenario's own problems first, then the fixture's, each file in line order.
    assertEquals("""
        broken/seeds-broken-fixture.yaml:4:5: unknown step 'aply' — did you mean 'apply'?
        broken/fixtures/bad-rows.yaml:2:13: column name 'first name' is not a plain name \
        — use letters, digits and _
        broken/fixtures/bad-rows.yaml:3:5: a row of 'authors' must be a mapping (key: value), found the number 7
        broken/fixtures/bad-rows.yaml:4:8: the rows of 'books' must be a list, found a mapping
        """, problemsOf(reader, "broken/seeds-broken-fixture.yaml"));
  }

  @Test
  void collectsEveryProblemOfAFileSortedByLine() {
    // The unknown key on the last line is found first; the report is still in file order.
    assertEquals("""
        broken/four-problems.yaml:2:13: unknown database 'sqlit' — did you mean 'sqlite'?
        broken/four-problems.yaml:4:12: unknown migration id 20240102000001 — did you mean 20240102000000?
        broken/four-problems.yaml:6:23: the row count of 'authors' must be a whole number, found the text 'many'
        broken/four-problems.yaml:7:1: unknown key 'owner' in a scenario file — expected one of: scenario, \
        databases, tags, allow, rto, steps
        """, problemsOf("broken/four-problems.yaml"));
  }

  @Test
  void exceptionMessageListsEveryProblemOnItsOwnLine() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> reader.read(RESOURCES.resolve("broken/unknown-step.yaml")));

    assertEquals(String.join(System.lineSeparator(),
        "broken/unknown-step.yaml:3:5: unknown step 'aply' — did you mean 'apply'?",
        "broken/unknown-step.yaml:4:5: unknown step 'migrate' — expected one of: apply, rollback, seed, sql, expect, "
            + "snapshot, roundtrip, backup, restore, corrupt_backup, fail"),
        e.getMessage());
  }
}
