package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateAndListTest {

  private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  @Test
  void validateAcceptsEverySampleScenario() throws IOException {
    Cli cli = Cli.run("validate", "--project-dir", REPOSITORY.toString());

    List<String> samples;
    try (Stream<Path> files = Files.list(REPOSITORY.resolve("scenarios"))) {
      samples = files.map(p -> "scenarios/" + p.getFileName()).filter(f -> f.endsWith(".yaml")).sorted().toList();
    }
    List<String> lines = cli.out().lines().toList();
    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals("", cli.err());
    assertEquals(samples.size() + 2, lines.size(), cli.out());
    for (int i = 0; i < samples.size(); i++) {
      String line = lines.get(i);
      assertEquals("ok  " + samples.get(i), line.substring(0, line.indexOf("  (")), line);
      assertEquals(true, line.matches(".*  \\(\\d+ steps\\)"), line);
    }
    assertEquals(samples.size() + " scenario files valid", lines.get(samples.size()));
    assertEquals("no findings in 15 migration scripts (environments sqlite, postgres, mariadb)", lines.get(samples.size() + 1));
  }

  @Test
  void validateReportsEveryProblemOfEveryFileAndExits2() {
    TempProject project = new TempProject(dir);
    project.scenario("a-good.yaml", "scenario: Good\nsteps:\n  - apply: head\n");
    project.scenario("b-two-problems.yaml", """
        scenario: Two problems
        steps:
          - aply: head
          - seed: author.yaml
        """);
    project.scenario("c-empty.yaml", "");

    Cli cli = Cli.run("validate", "--project-dir", project.dir());

    assertEquals(2, cli.exitCode());
    assertEquals("""
        scenarios/b-two-problems.yaml:3:5: unknown step 'aply' — did you mean 'apply'?
        scenarios/b-two-problems.yaml:4:11: fixture file 'author.yaml' not found in fixtures — did you mean \
        'authors.yaml'?
        scenarios/c-empty.yaml:1:1: the file is empty — write a YAML mapping
        3 problems found; nothing was run.
        """, cli.err());
    assertEquals("", cli.out());
  }

  @Test
  void validateChecksOnlyTheFilesGiven() {
    TempProject project = new TempProject(dir);
    Path good = project.scenario("good.yaml", "scenario: Good\nsteps:\n  - apply: head\n  - rollback: base\n");
    project.scenario("empty.yaml", "");

    Cli cli = Cli.run("validate", "--project-dir", project.dir(), good.toString());

    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals("""
        ok  scenarios/good.yaml  (2 steps)
        1 scenario file valid
        no findings in 2 migration scripts (environment sqlite)
        """, cli.out());
  }

  @Test
  void validatePrintsTheFindingsOfTheScriptsAndExits1() {
    TempProject project = new TempProject(dir);
    project.scenario("good.yaml", "scenario: Good\nsteps:\n  - apply: head\n");
    project.write("migrations/environments/postgres.properties", "changelog=CHANGELOG\npostgres_only=\n");
    project.write("migrations/environments/sqlite.properties", "changelog=CHANGELOG\npostgres_only=--\n");
    project.write("migrations/scripts/20240103000000_add_books_isbn.sql", """
        -- // add books isbn
        ALTER TABLE books ADD COLUMN isbn VARCHAR(13); UPDATE books SET isbn = '';
        ${postgres_only}CREATE INDEX ix_books_isbn ON books (isbn);

        -- @UNDO
        ALTER TABLE books DROP COLUMN isbn;
        """);
    project.write("migrations/scripts/20240104000000_index_book_authors.sql", """
        -- // index book authors
        ${postgres_only}CREATE INDEX ix_books_author_id ON books (author_id);

        -- //@UNDO
        """);

    Cli cli = Cli.run("validate", "--project-dir", project.dir());

    assertEquals(new Cli(1, """
        ok  scenarios/good.yaml  (1 steps)
        1 scenario file valid
        migrations/scripts/20240103000000_add_books_isbn.sql:2: 2 statements on one line: MyBatis sends them in one \
        call, and SQLite runs only the first — put each statement on a line of its own
        migrations/scripts/20240103000000_add_books_isbn.sql:5: '-- @UNDO' is not an undo marker, so MyBatis runs the \
        lines below it on the way up — write the marker as '-- //@UNDO'
        migrations/scripts/20240103000000_add_books_isbn.sql:6: no undo section: a rollback would only delete the \
        changelog row — add a '-- //@UNDO' line and, below it, the statements that reverse the up section
        migrations/scripts/20240104000000_index_book_authors.sql:4: the undo section is empty: a rollback would only \
        delete the changelog row — write the statements that reverse the up section below this line (environment \
        postgres)
        4 findings in 4 migration scripts (environments sqlite, postgres)
        """, ""), cli);
  }

  @Test
  void listShowsTheMigrationsAndTheScenarios() {
    TempProject project = new TempProject(dir);
    project.scenario("books.yaml", """
        scenario: Books can be added and removed
        tags: [books, smoke]
        steps:
          - apply: head
        """);
    project.scenario("authors.yaml", """
        scenario: Authors only
        databases: [sqlite]
        steps:
          - apply: 20240101000000
        """);

    Cli cli = Cli.run("list", "--project-dir", project.dir());

    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals("""
        Migrations (2) in migrations:
          20240101000000  create authors
          20240102000000  create books
        Scenarios (2):
          scenarios/authors.yaml  (sqlite)
            Authors only
          scenarios/books.yaml  (sqlite)  [books, smoke]
            Books can be added and removed
        """, cli.out());
    assertEquals("", cli.err());
  }
}
