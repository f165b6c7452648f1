package dev.rehearsal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.report.JsonSummaryWriter;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.steps.Check;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code src/test/resources/failing/} holds a scenario that is meant to fail, on the sample repository: Rehearsal
 * must fail it on exactly the check that is wrong, and say so in the JSON summary.
 */
class FailingScenarioTest {

  private static final String FILE = "src/test/resources/failing/lossy-rollback-brings-addresses-back.yaml";
  private static final String CHECK = "query SELECT count(*) FROM users WHERE legacy_email IS NOT NULL";

  @TempDir
  Path reports;

  private ScenarioResult result;

  @BeforeEach
  void runTheFailingScenario() {
    Project project = Project.open(Path.of("../.."), Map.of());
    List<Scenario> scenarios = project.readScenarios(List.of(Path.of(FILE)));
    JsonSummaryWriter writer = new JsonSummaryWriter(reports, null);
    result = project.run("failing-run", scenarios, project.databases(), false, writer).scenarios().get(0);
  }

  @Test
  void failsOnExactlyTheCheckThatExpectsTheLostAddresses() {
    assertEquals(Status.FAILED, result.status());
    assertEquals(List.of(Status.PASSED, Status.PASSED, Status.PASSED, Status.PASSED, Status.FAILED),
        result.steps().stream().map(StepResult::status).toList());
    StepResult expect = result.steps().get(4);
    assertEquals(5, expect.index());
    assertEquals(List.of(new Check(CHECK, false, "2", "0", "")), expect.failedChecks());
    assertEquals("1 of 5 checks failed", expect.detail());
  }

  @Test
  void theJsonSummaryNamesTheStepAndTheFailedCheck() throws IOException {
    JsonNode summary = new ObjectMapper().readTree(
        reports.resolve("lossy-rollback-brings-addresses-back--sqlite.json").toFile());

    assertEquals("failing-run", summary.get("job_id").asText());
    assertEquals("engine/core/" + FILE, summary.get("scenario").asText());
    assertEquals("failed", summary.get("status").asText());
    assertEquals(false, summary.get("passed").asBoolean());
    assertEquals(new ObjectMapper().readTree("""
        [{"step": 5, "line": 12, "check": "%s", "expected": "2", "actual": "0", "diff": ""}]
        """.formatted(CHECK)), summary.get("failed_checks"));
    assertEquals("failed", summary.get("steps").get(4).get("status").asText());
  }
}
