package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rehearse run --update-snapshots}: writes golden schema files that later runs compare with. */
class UpdateSnapshotsTest {

  @TempDir
  Path dir;

  /** Run ids and timings change from run to run (the blank lines of an indented diff keep their indent). */
  private static String stable(String out) {
    return out.replaceAll("Rehearsal run \\d{8}_\\d{6}_[0-9a-f]{4}:", "Rehearsal run RUN:")
        .replaceAll("  \\d+ ms  ", "  N ms  ")
        .replaceAll(" in \\d+\\.\\d s\n", " in N s\n")
        .replaceAll("rollback-summary-\\d{8}T\\d{6}Z-\\d{8}_\\d{6}_[0-9a-f]{4}\\.json", "rollback-summary-STAMP.json");
  }

  @Test
  void writesTheGoldenFileThenComparesWithItAndNamesItWhenTheSchemaDrifts() throws IOException {
    TempProject project = new TempProject(dir);
    project.scenario("golden.yaml", """
        scenario: The schema at head is the reviewed one
        steps:
          - apply: head
          - expect: {schema: {matches: "snapshots/head--{database}.schema"}}
        """);
    Path golden = dir.resolve("snapshots/head--sqlite.schema");

    Cli missing = Cli.run("run", "--project-dir", project.dir());
    assertEquals(1, missing.exitCode(), missing.out());
    assertFalse(Files.exists(golden));

    Cli update = Cli.run("run", "--project-dir", project.dir(), "--update-snapshots");
    assertEquals(0, update.exitCode(), update.out());
    assertTrue(stable(update.out()).contains("""
        1 scenario run: 1 passed, 0 failed, 0 error in N s
        Wrote 1 golden file (review the diff before committing):
          snapshots/head--sqlite.schema
        Summary:\s"""), update.out());
    assertEquals("""
        # Schema of sqlite as Rehearsal sees it, one fact per line, sorted.
        # Written by 'rehearse run --update-snapshots'; review changes to it like code.
        table authors
        table books
        column authors.id: integer, NOT NULL, no default
        column authors.name: varchar(100), NOT NULL, no default
        column books.author_id: integer, NOT NULL, no default
        column books.id: integer, NOT NULL, no default
        primary key authors: (id)
        primary key books: (id)
        unique authors (name)
        foreign key books(author_id) -> authors(id): on delete no action, on update no action
        """, Files.readString(golden));

    assertEquals(0, Cli.run("run", "--project-dir", project.dir()).exitCode());

    project.write("migrations/scripts/20240103000000_add_books_title.sql", """
        -- // add books title
        ALTER TABLE books ADD COLUMN title VARCHAR(200);

        -- //@UNDO
        ALTER TABLE books DROP COLUMN title;
        """);
    Cli drifted = Cli.run("run", "--project-dir", project.dir());

    assertEquals(1, drifted.exitCode(), drifted.out());
    assertEquals("""
        Rehearsal run RUN: 1 scenario run (1 scenario)
        FAIL   sqlite   scenarios/golden.yaml  N ms  The schema at head is the reviewed one
               step 2 at scenarios/golden.yaml:4:5: expect schema
                 failed: schema matches snapshots/head--{database}.schema
                   expected: the schema in snapshots/head--sqlite.schema (10 facts)
                   actual:   1 difference
                   column books.title: present now, absent in snapshots/head--sqlite.schema

                   --- in snapshots/head--sqlite.schema
                   +++ now
                   @@ -6,2 +6,3 @@
                    column books.id: integer, NOT NULL, no default
                   +column books.title: varchar(200), nullable, no default
                    primary key authors: (id)

                   If the change is intended, run 'rehearse run --update-snapshots --database sqlite' and commit \
        snapshots/head--sqlite.schema.
        1 scenario run: 0 passed, 1 failed, 0 error in N s
        Summary: reports/rollback-summary-STAMP.json
        """, stable(drifted.out()).replaceAll(" +\n", "\n"));
  }

  @Test
  void aGoldenFileThatIsADanglingLinkOutOfTheProjectIsNotWrittenThrough() throws IOException {
    TempProject project = new TempProject(dir.resolve("project"));
    project.scenario("golden.yaml", """
        scenario: The schema at head is the reviewed one
        steps:
          - apply: head
          - expect: {schema: {matches: "snapshots/head--{database}.schema"}}
        """);
    Path outside = Files.createDirectories(dir.resolve("outside")).resolve("written-through.schema");
    Files.createDirectories(dir.resolve("project/snapshots"));
    Files.createSymbolicLink(dir.resolve("project/snapshots/head--sqlite.schema"), outside);

    Cli update = Cli.run("run", "--project-dir", project.dir(), "--update-snapshots");

    assertEquals(1, update.exitCode(), update.out());
    assertTrue(update.out().contains("golden file snapshots/head--sqlite.schema leads outside the project root (a "
        + "link on its way leads out, or nowhere) — keep golden files in the repository (or allow it with "
        + "--allow-outside-project)"), update.out());
    assertFalse(Files.exists(outside), "written through the dangling link");
  }
}
