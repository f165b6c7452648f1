package dev.rehearsal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.run.Project;
import dev.rehearsal.run.RunListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every step status with the {@code detail} docs/reports.md gives for it, read back from the JSON summary: one
 * meaning per status, so a step expected to fail that failed as expected is {@code passed}.
 */
class StepStatusesTest {

  private static final Path LIBRARY = Path.of("src/test/resources/library");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void eachStatusOfAStepHasOneMeaningAndItsDetailSaysWhy() throws IOException {
    Files.createDirectories(dir.resolve("scenarios"));
    Files.writeString(dir.resolve("scenarios/statuses.yaml"), """
        scenario: One step of each kind of outcome
        steps:
          - apply: 20240102000000
          - seed: authors.yaml
          - sql: {script: "INSERT INTO books (id, author_id, title) VALUES (1, 99, 'X');", expect_error: {class: foreign_key_violation}}
          - sql: {script: "INSERT INTO books (id, author_id, title) VALUES (1, 99, 'X');", expect_error: {class: unique_violation}}
          - sql: {script: "DELETE FROM books;", expect_error: no such table}
          - expect: {rows: {authors: 3}}
          - sql: "SELECT * FROM nowhere;"
          - rollback: base
        """);
    Project project = Project.open(LIBRARY, Map.of());
    JsonSummaryWriter json = new JsonSummaryWriter(dir.resolve("out"), "job-1");
    var scenarios = project.readScenarios(project.scenarioFiles(List.of(dir.resolve("scenarios"))));
    project.run("run-1", scenarios, project.databases(List.of("sqlite")), false, json);

    JsonNode summary = JSON.readTree(dir.resolve("out/statuses--sqlite.json").toFile());
    List<String> steps = new ArrayList<>();
    summary.path("steps").forEach(s -> steps.add(s.path("index").asInt() + " " + s.path("status").asText() + ": "
        + s.path("detail").asText().replace(dir.toString(), "DIR")));

    String sqlAt = "sql at DIR/scenarios/statuses.yaml";
    assertEquals(List.of(
        "1 passed: 2 migrations applied (copied from the state cached for this run), now at version 20240102000000",
        "2 passed: 2 rows inserted from fixtures/authors.yaml",
        "3 passed: failed as expected: " + sqlAt + ":5:5 failed: [SQLITE_CONSTRAINT_FOREIGNKEY] A foreign key "
            + "constraint failed (FOREIGN KEY constraint failed)",
        "4 failed: failed with another error: " + sqlAt + ":6:5 failed: [SQLITE_CONSTRAINT_FOREIGNKEY] A foreign key "
            + "constraint failed (FOREIGN KEY constraint failed)",
        "5 failed: did not fail: script ran",
        "6 failed: 1 of 1 check failed",
        "7 error: error",
        "8 skipped: skipped after an error"), steps);
    assertEquals("error", summary.path("status").asText());
    assertEquals(List.of(4, 5, 6), failedSteps(summary));
    assertEquals(7, summary.path("error").path("step").asInt());
  }

  private static List<Integer> failedSteps(JsonNode summary) {
    List<Integer> steps = new ArrayList<>();
    summary.path("failed_checks").forEach(c -> steps.add(c.path("step").asInt()));
    return steps;
  }
}
