package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.sqlite.SqliteDatabase;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.scenario.ReadContext;
import dev.rehearsal.scenario.ScenarioReader;
import dev.rehearsal.scenario.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snapshot} and the expectations that compare with it ({@code schema}, {@code data}), golden schema files,
 * {@code constraints} and {@code indexes}, run through the registry on a real SQLite scratch database with the
 * library repository of {@code src/test/resources/library}. The project root is a temporary directory, so golden
 * files are written there.
 */
class SchemaExpectationsTest {

  private static final Path LIBRARY = Path.of("src/test/resources/library").toAbsolutePath();

  @TempDir
  Path project;

  private final SqliteDatabase sqlite = new SqliteDatabase("sqlite");
  private final MigrationRepository repository = MigrationRepository.open(LIBRARY.resolve("migrations"),
      List.of(LIBRARY.resolve("migrations/scripts")), "sqlite");
  private final StepRegistry registry = StepRegistry.standard();
  private ScratchDatabase scratch;

  @BeforeEach
  void createScratch() {
    scratch = sqlite.createScratch("schema-expectations");
  }

  @AfterEach
  void dropScratch() {
    scratch.close();
  }

  private StepContext context(boolean updateSnapshots) {
    return new StepContext(sqlite, scratch, repository, new StepContext.Settings(project, updateSnapshots),
        project.resolve("backups"));
  }

  /** Reads {@code items} as the steps of one scenario, runs them all and returns the outcome of the last one. */
  private StepOutcome run(String items) {
    return run(items, context(false));
  }

  private StepOutcome run(String items, StepContext context) {
    List<StepOutcome> outcomes = runAll(items, context);
    return outcomes.get(outcomes.size() - 1);
  }

  private List<StepOutcome> runAll(String items, StepContext context) {
    List<StepOutcome> outcomes = new ArrayList<>();
    for (Step step : parse(items)) {
      outcomes.add(registry.run(step, context));
    }
    return outcomes;
  }

  private List<Step> parse(String items) {
    Path file = project.resolve("scenario.yaml");
    String indented = items.lines().map(line -> "  " + line).collect(Collectors.joining("\n"));
    try {
      Files.writeString(file, "scenario: schema expectations\nsteps:\n" + indented + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ReadContext read = new ReadContext(project, LIBRARY.resolve("fixtures"), repository.ids(), List.of("sqlite"));
    return new ScenarioReader(read).read(file).steps();
  }

  @Test
  void aSnapshotSaysWhatItRemembered() {
    StepOutcome outcome = run("""
        - apply: 20240102000000
        - seed: authors.yaml
        - snapshot: before
        """);

    assertEquals(StepOutcome.done("snapshot 'before' at version 20240102000000: 13 schema facts, 2 tables"), outcome);
  }

  @Test
  void schemaSameAsPassesWhenTheRollbackLeftNoTrace() {
    StepOutcome outcome = run("""
        - apply: 20240102000000
        - snapshot: before
        - apply: head
        - rollback: 20240102000000
        - expect: {schema: {same_as: before}}
        """);

    assertEquals(new StepOutcome(List.of(Check.passed("schema same_as before",
        "the schema of snapshot before (13 facts)", "the same")), "1 check passed"), outcome);
  }

  @Test
  void schemaSameAsFailsWithEachDifferenceInWordsAndTheUnifiedDiff() {
    StepOutcome outcome = run("""
        - apply: 20240102000000
        - snapshot: before
        - apply: 20240103000000
        - sql: "CREATE INDEX ix_books_price ON books (price);"
        - expect: {schema: {same_as: before}}
        """);

    assertEquals(new StepOutcome(List.of(Check.failed("schema same_as before",
        "the schema of snapshot before (13 facts)", "2 differences", """
        column books.isbn: present now, absent at snapshot before
        index ix_books_price on books: present now, absent at snapshot before

        --- at snapshot before
        +++ now
        @@ -7,2 +7,3 @@
         column books.id: integer, NOT NULL, no default
        +column books.isbn: varchar(20), nullable, no default
         column books.price: numeric(8, 2), nullable, no default
        @@ -13,1 +14,2 @@
         foreign key books(author_id) -> authors(id): on delete no action, on update no action
        +index ix_books_price on books: (price), not unique, btree""")), "1 of 1 check failed"), outcome);
  }

  private static final String SEEDED = """
      - apply: 20240102000000
      - seed: authors.yaml
      - seed: books.csv
      - snapshot: {label: seeded, values: [authors.name]}
      """;

  @Test
  void dataSameAsPassesWhenEveryRowIsBack() {
    StepOutcome outcome = run(SEEDED + """
        - sql: "DELETE FROM books WHERE id = 2;"
        - sql: "INSERT INTO books (id, author_id, title) VALUES (2, 1, 'The Dispossessed, an Ambiguous Utopia');"
        - expect: {data: {same_as: seeded}}
        """);

    assertEquals(new StepOutcome(List.of(Check.passed("data same_as seeded", "the data of snapshot seeded (2 tables)",
        "the same")), "1 check passed"), outcome);
  }

  @Test
  void dataSameAsFailsNamingTablesColumnsAndKeptValues() {
    StepOutcome outcome = run(SEEDED + """
        - sql: "UPDATE authors SET name = 'Le Guin', born = NULL WHERE id = 1;"
        - sql: "DELETE FROM books WHERE id = 2;"
        - expect: {data: {same_as: seeded}}
        """);

    assertEquals(new StepOutcome(List.of(Check.failed("data same_as seeded", "the data of snapshot seeded (2 tables)",
        "7 differences", """
        column authors.born: 0 values now, 1 value at snapshot seeded
        column authors.name: 2 values now, 2 values at snapshot seeded (values changed)
        table books: 1 row now, 2 rows at snapshot seeded
        column books.author_id: 1 value now, 2 values at snapshot seeded
        column books.id: 1 value now, 2 values at snapshot seeded
        column books.title: 1 value now, 2 values at snapshot seeded
        values of authors.name at snapshot seeded but not now: [Ursula K. Le Guin]; now but not at snapshot seeded: [Le Guin]""")),
        "1 of 1 check failed"), outcome);
  }

  @Test
  void dataSameAsComparesOnlyTheListedTables() {
    List<StepOutcome> outcomes = runAll(SEEDED + """
        - sql: "DELETE FROM books;"
        - expect: {data: {same_as: seeded, tables: [authors]}}
        - expect: {data: {same_as: seeded, tables: [books]}}
        """, context(false));

    assertEquals(new StepOutcome(List.of(Check.passed("data same_as seeded [authors]",
        "the data of snapshot seeded (authors)", "the same")), "1 check passed"), outcomes.get(5));
    assertEquals(new StepOutcome(List.of(Check.failed("data same_as seeded [books]",
        "the data of snapshot seeded (books)", "5 differences", """
        table books: 0 rows now, 2 rows at snapshot seeded
        column books.author_id: 0 values now, 2 values at snapshot seeded
        column books.id: 0 values now, 2 values at snapshot seeded
        column books.price: 0 values now, 1 value at snapshot seeded
        column books.title: 0 values now, 2 values at snapshot seeded""")), "1 of 1 check failed"),
        outcomes.get(6));
  }

  private static final String GOLDEN = "- expect: {schema: {matches: \"snapshots/library--{database}.schema\"}}";

  @Test
  void aMissingGoldenFileIsAFailedCheckThatSaysHowToWriteIt() {
    StepOutcome outcome = run("- apply: 20240101000000\n" + GOLDEN);

    assertEquals(new StepOutcome(List.of(Check.failed("schema matches snapshots/library--{database}.schema",
        "the schema in snapshots/library--sqlite.schema", "no such file",
        "run 'rehearse run --update-snapshots --database sqlite' to write snapshots/library--sqlite.schema from the current schema, "
            + "then review it")), "1 of 1 check failed"), outcome);
  }

  @Test
  void updateSnapshotsWritesTheGoldenFileThatLaterRunsCompareWith() throws IOException {
    StepOutcome written = run("- apply: 20240101000000\n" + GOLDEN, context(true));

    assertEquals(new StepOutcome(List.of(Check.passed("schema matches snapshots/library--{database}.schema",
        "the schema in snapshots/library--sqlite.schema", "written to snapshots/library--sqlite.schema")),
        "1 check passed"), written);
    assertEquals("""
        # Schema of sqlite as Rehearsal sees it, one fact per line, sorted.
        # Written by 'rehearse run --update-snapshots'; review changes to it like code.
        table authors
        column authors.born: integer, nullable, no default
        column authors.id: integer, NOT NULL, no default
        column authors.name: varchar(100), NOT NULL, no default
        primary key authors: (id)
        unique authors (name)
        """, Files.readString(project.resolve("snapshots/library--sqlite.schema")));
    assertEquals(new StepOutcome(List.of(Check.passed("schema matches snapshots/library--{database}.schema",
        "the schema in snapshots/library--sqlite.schema (6 facts)", "the same")), "1 check passed"),
        run(GOLDEN));
  }

  @Test
  void aSchemaThatDriftedFromTheGoldenFileFailsNamingTheFile() {
    run("- apply: 20240101000000\n" + GOLDEN, context(true));

    StepOutcome outcome = run("- sql: \"CREATE INDEX ix_authors_born ON authors (born);\"\n" + GOLDEN);

    assertEquals(new StepOutcome(List.of(Check.failed("schema matches snapshots/library--{database}.schema",
        "the schema in snapshots/library--sqlite.schema (6 facts)", "1 difference", """
        index ix_authors_born on authors: present now, absent in snapshots/library--sqlite.schema

        --- in snapshots/library--sqlite.schema
        +++ now
        @@ -6,1 +6,2 @@
         unique authors (name)
        +index ix_authors_born on authors: (born), not unique, btree

        If the change is intended, run 'rehearse run --update-snapshots --database sqlite' and commit \
        snapshots/library--sqlite.schema.""")), "1 of 1 check failed"), outcome);
  }

  private static final String AT_HEAD_WITH_REVIEWS = """
      - apply: head
      - sql: "CREATE TABLE reviews (book_id INTEGER, stars INTEGER CONSTRAINT ck_reviews_stars CHECK (stars BETWEEN 1 AND 5));"
      """;

  @Test
  void constraintsOfEveryKindPassWhenTheyExist() {
    StepOutcome outcome = run(AT_HEAD_WITH_REVIEWS + """
        - expect:
            constraints:
              - primary_key: books(id)
              - unique: authors(name)
              - unique: books (title)
              - foreign_key: books(author_id) -> authors(id)
              - not_null: BOOKS.TITLE
              - check: reviews.ck_reviews_stars
        """);

    assertEquals(new StepOutcome(List.of(
        Check.passed("primary_key books(id)", "(id)", "(id)"),
        Check.passed("unique authors(name)", "unique authors(name)", "present"),
        Check.passed("unique books(title)", "unique books(title)", "present"),
        Check.passed("foreign_key books(author_id) -> authors(id)", "books(author_id) -> authors(id)", "present"),
        Check.passed("not_null BOOKS.TITLE", "NOT NULL", "NOT NULL"),
        Check.passed("check reviews.ck_reviews_stars", "check reviews.ck_reviews_stars", "present")),
        "6 checks passed"), outcome);
  }

  @Test
  void constraintsThatDoNotHoldSayWhatTheTableHasInstead() {
    StepOutcome outcome = run(AT_HEAD_WITH_REVIEWS + """
        - expect:
            constraints:
              - primary_key: books(author_id)
              - primary_key: reviews(book_id)
              - unique: authors(born)
              - foreign_key: books(author_id) -> reviews(book_id)
              - not_null: authors.born
              - not_null: authors.nickname
              - check: reviews.ck_reviews_book
        """);

    assertEquals(new StepOutcome(List.of(
        Check.failed("primary_key books(author_id)", "(author_id)", "(id)", ""),
        Check.failed("primary_key reviews(book_id)", "(book_id)", "no primary key on reviews", ""),
        Check.failed("unique authors(born)", "unique authors(born)", "absent", """
            unique constraints and indexes on authors:
              unique authors (name)"""),
        Check.failed("foreign_key books(author_id) -> reviews(book_id)", "books(author_id) -> reviews(book_id)",
            "absent", """
            foreign keys of books:
              foreign key books(author_id) -> authors(id): on delete no action, on update no action"""),
        Check.failed("not_null authors.born", "NOT NULL", "nullable", ""),
        Check.failed("not_null authors.nickname", "NOT NULL", "no column authors.nickname", ""),
        Check.failed("check reviews.ck_reviews_book", "check reviews.ck_reviews_book", "absent", """
            checks of reviews:
              check reviews.ck_reviews_stars: (stars BETWEEN 1 AND 5)""")),
        "7 of 7 checks failed"), outcome);
  }

  private static final String TITLE_INDEX = "ux_books_title on books: (title), unique, btree";

  @Test
  void indexesAreFoundByNameOrByTableAndColumns() {
    StepOutcome outcome = run("""
        - apply: head
        - expect:
            indexes:
              - {name: ux_books_title, table: books, columns: [title], unique: true, method: btree}
              - {table: books, columns: [title]}
        """);

    assertEquals(new StepOutcome(List.of(
        Check.passed("index ux_books_title, unique, btree", "index ux_books_title, unique, btree",
            "index " + TITLE_INDEX),
        Check.passed("index on books (title)", "index on books (title)", "index " + TITLE_INDEX)),
        "2 checks passed"), outcome);
  }

  @Test
  void anIndexThatDiffersSaysHowAndOneThatIsMissingListsTheIndexes() {
    StepOutcome outcome = run("""
        - apply: head
        - expect:
            indexes:
              - {name: ux_books_title, unique: false, method: gin}
              - {name: ux_books_title, table: authors, columns: [name]}
              - {table: books, columns: [author_id]}
        """);

    assertEquals(new StepOutcome(List.of(
        Check.failed("index ux_books_title, not unique, gin", "index ux_books_title, not unique, gin",
            "unique, method btree", "index " + TITLE_INDEX),
        Check.failed("index ux_books_title", "index ux_books_title",
            "on another table: ux_books_title on books, columns (title)", "index " + TITLE_INDEX),
        Check.failed("index on books (author_id)", "present", "absent", "indexes:\n  index " + TITLE_INDEX)),
        "3 of 3 checks failed"), outcome);
  }
}
