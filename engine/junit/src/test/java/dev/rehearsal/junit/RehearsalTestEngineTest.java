package dev.rehearsal.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Running scenarios through the engine: what passes, fails, breaks and is skipped, and how each is reported. */
class RehearsalTestEngineTest {

  @TempDir
  Path reports;

  private EngineExecutionResults run(Map<String, String> parameters, Path... selected) {
    var kit = Fixture.engine(reports, parameters);
    for (Path path : selected) {
      kit.selectors(path.toFile().isDirectory() ? selectDirectory(path.toFile()) : selectFile(path.toFile()));
    }
    return kit.execute();
  }

  @Test
  void passingScenariosReportEveryFileRunAndStep() {
    EngineExecutionResults results = run(Map.of(), Fixture.file("scenarios/authors-survive-books-rollback.yaml"),
        Fixture.file("scenarios/books-start-empty.yaml"));

    assertEquals(List.of(
        "scenarios/authors-survive-books-rollback.yaml [sqlite] step 1: apply head: SUCCESSFUL",
        "scenarios/authors-survive-books-rollback.yaml [sqlite] step 2: seed fixtures/authors.yaml: SUCCESSFUL",
        "scenarios/authors-survive-books-rollback.yaml [sqlite] step 3: rollback 20240101000000: SUCCESSFUL",
        "scenarios/authors-survive-books-rollback.yaml [sqlite] step 4: expect rows, tables: SUCCESSFUL",
        "scenarios/authors-survive-books-rollback.yaml [sqlite]: SUCCESSFUL",
        "scenarios/authors-survive-books-rollback.yaml: SUCCESSFUL",
        "scenarios/books-start-empty.yaml [sqlite] step 1: apply head: SUCCESSFUL",
        "scenarios/books-start-empty.yaml [sqlite] step 2: expect rows: SUCCESSFUL",
        "scenarios/books-start-empty.yaml [sqlite]: SUCCESSFUL",
        "scenarios/books-start-empty.yaml: SUCCESSFUL"), Outcomes.of(results));
  }

  @Test
  void aFailedCheckIsAnAssertionFailureWithExpectedActualAndTheStepsPlace() {
    EngineExecutionResults results = run(Map.of(), Fixture.file("scenarios/failing/one-author-too-many.yaml"));

    assertEquals(List.of(
        "scenarios/failing/one-author-too-many.yaml [sqlite] step 1: apply head: SUCCESSFUL",
        "scenarios/failing/one-author-too-many.yaml [sqlite] step 2: seed fixtures/authors.yaml: SUCCESSFUL",
        "scenarios/failing/one-author-too-many.yaml [sqlite] step 3: expect rows, tables: FAILED",
        "scenarios/failing/one-author-too-many.yaml [sqlite] step 4: rollback base: SUCCESSFUL",
        "scenarios/failing/one-author-too-many.yaml [sqlite]: SUCCESSFUL",
        "scenarios/failing/one-author-too-many.yaml: SUCCESSFUL"), Outcomes.of(results));
    Throwable failure = Outcomes.failureOf(results,
        "scenarios/failing/one-author-too-many.yaml [sqlite] step 3: expect rows, tables");
    var assertion = (org.opentest4j.AssertionFailedError) failure;
    assertEquals("""
        scenarios/failing/one-author-too-many.yaml:6:5 [sqlite] step 3: expect rows, tables
        failed: rows authors = 3
          expected: 3 rows
          actual:   2 rows""", assertion.getMessage());
    assertEquals("3 rows", assertion.getExpected().getStringRepresentation());
    assertEquals("2 rows", assertion.getActual().getStringRepresentation());
    StackTraceElement at = assertion.getStackTrace()[0];
    assertEquals("[sqlite] scenarios/failing/one-author-too-many.yaml.step 3(one-author-too-many.yaml:6)",
        at.toString());
  }

  @Test
  void aStepErrorFailsTheStepWithItsMessageAndSkipsTheStepsAfterIt() {
    EngineExecutionResults results = run(Map.of(), Fixture.file("scenarios/failing/broken-sql.yaml"));

    assertEquals(List.of(
        "scenarios/failing/broken-sql.yaml [sqlite] step 1: apply head: SUCCESSFUL",
        "scenarios/failing/broken-sql.yaml [sqlite] step 2: sql INSERT INTO reviews (id) VALUES (1);: FAILED",
        "scenarios/failing/broken-sql.yaml [sqlite] step 3: expect rows: SKIPPED (skipped after an error)",
        "scenarios/failing/broken-sql.yaml [sqlite]: SUCCESSFUL",
        "scenarios/failing/broken-sql.yaml: SUCCESSFUL"), Outcomes.of(results));
    Throwable error = Outcomes.failureOf(results,
        "scenarios/failing/broken-sql.yaml [sqlite] step 2: sql INSERT INTO reviews (id) VALUES (1);");
    assertEquals("""
        scenarios/failing/broken-sql.yaml:4:5 [sqlite] step 2: sql INSERT INTO reviews (id) VALUES (1);
        sql at scenarios/failing/broken-sql.yaml:4:5 failed: [SQLITE_ERROR] SQL error or missing database (no such \
        table: reviews)
          statement: INSERT INTO reviews (id) VALUES (1)""", error.getMessage());
  }

  @Test
  void aRunThatCannotCreateItsDatabaseFailsItsContainerAndRunsNoStep() {
    EngineExecutionResults results = run(Map.of(Constants.DATABASES, "postgres",
        Constants.PREFIX + "databases.postgres.url", "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres"),
        Fixture.file("scenarios/books-start-empty.yaml"));

    assertEquals(List.of("scenarios/books-start-empty.yaml [postgres]: FAILED",
        "scenarios/books-start-empty.yaml: SUCCESSFUL"), Outcomes.of(results));
    String message = Outcomes.failureOf(results, "scenarios/books-start-empty.yaml [postgres]").getMessage();
    assertEquals(true, message.startsWith("scenarios/books-start-empty.yaml [postgres] could not start: "), message);
    assertEquals(true, message.contains("is the server running?"), message);
  }

  @Test
  void aStepThatAFilterLeavesOutStillRunsBecauseTheStepsAfterItDependOnIt() throws Exception {
    PostDiscoveryFilter withoutTheSeed = descriptor -> FilterResult.includedIf(
        !descriptor.getUniqueId().getLastSegment().equals(UniqueId.forEngine("x").append("step", "2")
            .getLastSegment()), () -> "kept", () -> "left out");

    EngineExecutionResults results = Fixture.engine(reports, Map.of())
        .selectors(selectFile(Fixture.file("scenarios/authors-survive-books-rollback.yaml").toFile()))
        .filters(withoutTheSeed).execute();

    assertEquals(List.of(
        "scenarios/authors-survive-books-rollback.yaml [sqlite] step 1: apply head: SUCCESSFUL",
        "scenarios/authors-survive-books-rollback.yaml [sqlite] step 3: rollback 20240101000000: SUCCESSFUL",
        "scenarios/authors-survive-books-rollback.yaml [sqlite] step 4: expect rows, tables: SUCCESSFUL",
        "scenarios/authors-survive-books-rollback.yaml [sqlite]: SUCCESSFUL",
        "scenarios/authors-survive-books-rollback.yaml: SUCCESSFUL"), Outcomes.of(results));
    String summary = Files.readString(reports.resolve("authors-survive-books-rollback--sqlite.json"));
    assertTrue(summary.contains("\"step\" : \"seed fixtures/authors.yaml\",\n    \"status\" : \"passed\""),
        summary);
  }

  @Test
  void aDirectorySelectsEveryScenarioUnderItInFileOrder() {
    EngineExecutionResults results = run(Map.of(), Fixture.file("scenarios"));

    List<String> runs = Outcomes.of(results).stream().filter(l -> l.matches("[^ ]+ \\[\\w+\\]: \\w+")).toList();
    assertEquals(List.of("scenarios/authors-survive-books-rollback.yaml [sqlite]: SUCCESSFUL",
        "scenarios/books-start-empty.yaml [sqlite]: SUCCESSFUL",
        "scenarios/failing/broken-sql.yaml [sqlite]: SUCCESSFUL",
        "scenarios/failing/one-author-too-many.yaml [sqlite]: SUCCESSFUL"), runs);
    results.testEvents().assertStatistics(s -> s.started(12).succeeded(10).failed(2).skipped(1));
  }
}
