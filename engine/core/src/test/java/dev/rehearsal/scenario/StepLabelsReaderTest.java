package dev.rehearsal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader on the snapshot, backup, restore, corrupt_backup and fail steps and on the schema, data, constraints
 * and indexes expectations: the good file in {@code library/scenarios}, broken ones in {@code broken}, every
 * message asserted whole with its {@code file:line:col}.
 */
class StepLabelsReaderTest {

  private static final Path RESOURCES = Path.of("src/test/resources").toAbsolutePath();
  private static final String GOOD = "library/scenarios/backup-and-failure-steps.yaml";
  private static final List<BigDecimal> IDS = List.of(new BigDecimal("20240101000000"),
      new BigDecimal("20240102000000"), new BigDecimal("20240103000000"), new BigDecimal("20240104000000"));

  private final ScenarioReader reader = new ScenarioReader(new ReadContext(RESOURCES,
      RESOURCES.resolve("library/fixtures"), new TreeSet<>(IDS), List.of("sqlite")));

  private String problemsOf(String file) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> reader.read(RESOURCES.resolve(file)));
    return e.problems().stream().map(p -> p + "\n").collect(Collectors.joining());
  }

  private static SourcePosition at(int line, int column) {
    return new SourcePosition(GOOD, line, column);
  }

  private static BigDecimal id(String id) {
    return new BigDecimal(id);
  }

  @Test
  void readsSnapshotBackupRestoreCorruptAndFailStepsWithTheirPositions() {
    List<Step> steps = reader.read(RESOURCES.resolve(GOOD)).steps();

    assertEquals(List.of(
        new ApplyStep(Target.id(id("20240102000000")), null, at(5, 5)),
        new SnapshotStep("before", List.of(), at(6, 5)),
        new SnapshotStep("with-names", List.of("authors.name", "books.title"), at(7, 5)),
        new BackupStep("before-deploy", at(8, 5)),
        new FailStep(id("20240103000000"), 1, false, FailStep.Mode.ERROR, at(9, 5)),
        new FailStep(id("20240103000000"), 2, false, FailStep.Mode.DISCONNECT, at(10, 5)),
        new FailStep(id("20240103000000"), 0, false, FailStep.Mode.AFTER_COMMIT, at(11, 5)),
        new FailStep(id("20240102000000"), 1, true, FailStep.Mode.ERROR, at(12, 5)),
        new CorruptBackupStep("before-deploy", false, at(13, 5)),
        new CorruptBackupStep("before-deploy", true, at(14, 5)),
        new RestoreStep("before-deploy", null, at(15, 5)),
        new RestoreStep("before-deploy", ExpectedError.text("checksum mismatch"), at(16, 5)),
        new ExpectStep(List.of(
            new Expectation.Schema("before-deploy", null, at(18, 15)),
            new Expectation.Data("with-names", List.of("authors"), at(19, 13)),
            new Expectation.Constraint("primary_key", "books(id)", at(21, 11)),
            new Expectation.Constraint("unique", "authors(name)", at(22, 11)),
            new Expectation.Constraint("foreign_key", "books(author_id) -> authors(id)", at(23, 11)),
            new Expectation.Constraint("not_null", "books.title", at(24, 11)),
            new Expectation.Constraint("check", "books.ck_books_price", at(25, 11)),
            new Expectation.Index("ux_books_title", null, null, null, null, at(27, 11)),
            new Expectation.Index(null, "books", List.of("title"), true, "btree", at(28, 11))), at(17, 5)),
        new ExpectStep(List.of(new Expectation.Schema(null, "snapshots/library--{database}.schema", at(29, 22))),
            at(29, 5))), steps);
  }

  @Test
  void describesTheNewStepsForReports() {
    List<Step> steps = reader.read(RESOURCES.resolve(GOOD)).steps();

    assertEquals("""
        apply 20240102000000
        snapshot before
        snapshot with-names
        backup before-deploy
        fail 20240103000000 at statement 1
        fail 20240103000000 at statement 2 (disconnect)
        fail 20240103000000 after commit
        fail 20240102000000 down at statement 1
        corrupt_backup before-deploy (flip a byte)
        corrupt_backup before-deploy (truncate)
        restore before-deploy
        restore before-deploy
        expect schema, data, constraints, indexes
        expect schema
        """, steps.stream().map(s -> s.describe() + "\n").collect(Collectors.joining()));
  }

  @Test
  void reportsUnknownDuplicateAndMalformedLabelsAndRestoresOfSnapshots() {
    assertEquals("""
        broken/label-problems.yaml:3:32: unknown label 'before' — take a 'snapshot: before' or 'backup: before' in \
        an earlier step
        broken/label-problems.yaml:5:15: label 'before' is already defined by an earlier step — give each its own label
        broken/label-problems.yaml:7:30: unknown label 'befor' — did you mean 'before'?
        broken/label-problems.yaml:8:32: unknown label 'after-deploy' — labels defined before this step: before, \
        before-deploy
        broken/label-problems.yaml:9:14: 'before' is a snapshot, not a backup — only 'backup' steps write files to \
        restore
        broken/label-problems.yaml:10:29: 'before' is a snapshot, not a backup — only 'backup' steps write files to \
        restore
        broken/label-problems.yaml:11:15: label 'before deploy' may hold only letters, digits, '_', '-' and '.'
        """, problemsOf("broken/label-problems.yaml"));
  }

  @Test
  void reportsFailStepsThatCannotBeRehearsed() {
    assertEquals("""
        broken/fail-problems.yaml:3:73: 'at_statement' does not apply to mode after_commit — the failure comes after \
        the whole script committed
        broken/fail-problems.yaml:4:62: 'fail.mode' must be one of error, disconnect, after_commit, found \
        'disconect' — did you mean 'disconnect'?
        broken/fail-problems.yaml:5:11: 'fail' needs 'at_statement' (the 1-based statement of the script that fails)
        broken/fail-problems.yaml:6:70: mode after_commit simulates a lost changelog row after an up; use it with \
        direction up
        broken/fail-problems.yaml:7:53: 'fail.at_statement' must be at least 1, found 0
        broken/fail-problems.yaml:8:67: 'fail.direction' must be up or down, found 'sideways'
        broken/fail-problems.yaml:9:23: 'fail.migration' must be a migration id, found the text 'head'
        """, problemsOf("broken/fail-problems.yaml"));
  }

  @Test
  void readsExpectedErrorsAsATextAClassOrAListOfThem(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("errors.yaml"), """
        scenario: expected errors
        steps:
          - sql: {script: "DELETE FROM books;", expect_error: no such table}
          - sql: {script: "DELETE FROM books;", expect_error: {class: unique_violation}}
          - sql: {script: "DELETE FROM books;", expect_error: {class: check_violation, message: ck_books}}
          - apply: {to: head, expect_error: [{class: duplicate_column}, already exists]}
        """);

    ScenarioReader reader = new ScenarioReader(new ReadContext(dir, dir, new TreeSet<>(IDS), List.of("sqlite")));
    List<ExpectedError> errors = reader.read(file).steps().stream()
        .map(s -> s instanceof SqlStep sql ? sql.expectError() : ((ApplyStep) s).expectError()).toList();

    assertEquals(List.of(ExpectedError.text("no such table"), ExpectedError.of(ErrorClass.UNIQUE_VIOLATION),
        new ExpectedError(List.of(new ExpectedError.Alternative(ErrorClass.CHECK_VIOLATION, "ck_books"))),
        new ExpectedError(List.of(new ExpectedError.Alternative(ErrorClass.DUPLICATE_COLUMN, null),
            new ExpectedError.Alternative(null, "already exists")))), errors);
    assertEquals("duplicate_column or 'already exists'", errors.get(3).describe());
  }

  @Test
  void reportsMalformedExpectedErrors() {
    assertEquals("""
        broken/expect-error-problems.yaml:4:63: unknown error class 'uniqe_violation' — did you mean \
        'unique_violation'? (docs/scenarios.md lists them)
        broken/expect-error-problems.yaml:5:55: 'expect_error' needs 'class'
        broken/expect-error-problems.yaml:6:55: 'expect_error' must list at least one error
        broken/expect-error-problems.yaml:7:56: each item of 'expect_error' must be a text or {class: ...}, found a list
        broken/expect-error-problems.yaml:8:80: unknown key 'mesage' in 'expect_error' — did you mean 'message'?
        broken/expect-error-problems.yaml:9:37: 'expect_error' must be a text, {class: ...} or a list of them, found \
        nothing
        broken/expect-error-problems.yaml:10:44: 'expect_error' of 'restore' must be a text: a backup is refused \
        before any SQL runs, so its errors have no class
        """, problemsOf("broken/expect-error-problems.yaml"));
  }

  @Test
  void reportsMalformedConstraintsIndexesAndGoldenFiles() {
    assertEquals("""
        broken/constraint-problems.yaml:5:24: 'foreign_key' must look like posts(user_id) -> users(id), found \
        'books.author_id -> authors'
        broken/constraint-problems.yaml:6:24: 'primary_key' must look like users(id), found 'books'
        broken/constraint-problems.yaml:7:19: 'unique' must look like users(email), found 'authors(name,)'
        broken/constraint-problems.yaml:8:21: 'not_null' must look like users.email, found 'title'
        broken/constraint-problems.yaml:9:18: 'check' must look like posts.ck_posts_status (TABLE.CONSTRAINT_NAME), \
        found 'ck_books_price'
        broken/constraint-problems.yaml:10:11: each constraint is one key: primary_key, unique, foreign_key, \
        not_null, check
        broken/constraint-problems.yaml:11:11: unknown key 'nullable' in a constraint — expected one of: \
        primary_key, unique, foreign_key, not_null, check
        broken/constraint-problems.yaml:13:11: an index needs 'name', or 'table' and 'columns'
        broken/constraint-problems.yaml:14:42: 'unique' must be true or false
        broken/constraint-problems.yaml:15:32: golden file '../outside.schema' is outside the project — keep it in \
        the repository (or allow it with --allow-outside-project)
        broken/constraint-problems.yaml:16:22: 'schema' needs either 'same_as' (a label) or 'matches' (a golden \
        snapshot file)
        """, problemsOf("broken/constraint-problems.yaml"));
  }
}
