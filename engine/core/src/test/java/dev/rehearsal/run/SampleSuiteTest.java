package dev.rehearsal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.report.JsonSummaryWriter;
import dev.rehearsal.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's own sample suite ({@code scenarios/} at the repository root) run once on SQLite, with the JSON
 * summaries written to a temporary directory.
 */
class SampleSuiteTest {

  private static final Path PROJECT = Path.of("../..");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path reports;

  private static List<Path> files;
  private static RunResult result;
  private static JsonSummaryWriter writer;

  @BeforeAll
  static void runTheSamples() throws IOException {
    Project project = Project.open(PROJECT, Map.of("paths.backups", reports.resolve("backups").toString(),
        "paths.allow_outside_project", "true"));
    try (Stream<Path> yaml = Files.list(PROJECT.resolve("scenarios"))) {
      files = yaml.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    List<Scenario> scenarios = project.readScenarios(project.scenarioFiles(List.of()));
    List<String> elsewhere = scenarios.stream()
        .filter(s -> !s.databases().isEmpty() && !s.databases().contains("sqlite"))
        .map(s -> Path.of(s.file()).getFileName().toString()).toList();
    files = files.stream().filter(f -> !elsewhere.contains(f.getFileName().toString())).toList();
    writer = new JsonSummaryWriter(reports, "job-42");
    result = project.run("sample-run", scenarios, project.databases(List.of("sqlite")), false, writer);
  }

  private static String stem(Path file) {
    return file.getFileName().toString().replaceFirst("\\.yaml$", "");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void everySampleScenarioPassesOnSqlite() {
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    for (Path file : files) {
      expected.add("scenarios/" + file.getFileName() + " on sqlite: passed");
    }
    for (ScenarioResult scenario : result.scenarios()) {
      StringBuilder line = new StringBuilder(scenario.run().scenario().file() + " on "
          + scenario.run().database().name() + ": " + scenario.status().label());
      scenario.steps().stream().filter(s -> s.status() != Status.PASSED).forEach(s -> line.append(
          " [step ").append(s.index()).append(' ').append(s.status().label()).append(": ")
          .append(s.error() != null ? s.error() : s.failedChecks()).append(']'));
      actual.add(line.toString());
    }

    assertFalse(files.isEmpty(), "no sample scenarios found in " + PROJECT.resolve("scenarios"));
    assertEquals(expected, actual);
    assertTrue(result.passed());
  }

  @Test
  void writesOneJsonSummaryPerScenarioRunAndOneRunSummary() throws IOException {
    List<String> names;
    try (Stream<Path> written = Files.list(reports)) {
      names = written.map(p -> p.getFileName().toString()).filter(n -> !n.equals("backups")).sorted().toList();
    }

    List<String> expected = new ArrayList<>(files.stream().map(f -> stem(f) + "--sqlite.json").toList());
    expected.add(writer.runSummary().getFileName().toString());
    expected.sort(null);
    assertEquals(expected, names);
    assertTrue(writer.runSummary().getFileName().toString().matches("rollback-summary-\\d{8}T\\d{6}Z-[A-Za-z0-9_-]+\\.json"),
        writer.runSummary().toString());
  }

  @Test
  void aScenarioSummaryHasTheDocumentedKeysAndValues() throws IOException {
    JsonNode summary = JSON.readTree(reports.resolve("full-rollback-to-base-and-back--sqlite.json").toFile());

    assertEquals(List.of("job_id", "run_id", "scenario", "name", "database", "database_kind", "database_version",
        "status", "passed",
        "failed_checks", "error", "time_ms", "steps"), fieldNames(summary));
    assertEquals("job-42", summary.get("job_id").asText());
    assertEquals("sample-run", summary.get("run_id").asText());
    assertEquals("scenarios/full-rollback-to-base-and-back.yaml", summary.get("scenario").asText());
    assertEquals("sqlite", summary.get("database").asText());
    assertTrue(summary.get("database_version").asText().startsWith("SQLite 3."), summary.toString());
    assertEquals("passed", summary.get("status").asText());
    assertTrue(summary.get("passed").isBoolean() && summary.get("passed").asBoolean());
    assertTrue(summary.get("failed_checks").isArray() && summary.get("failed_checks").isEmpty());
    assertTrue(summary.get("error").isNull());
    assertTrue(summary.get("time_ms").isIntegralNumber() && summary.get("time_ms").asLong() >= 0);

    JsonNode steps = summary.get("steps");
    List<String> described = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      JsonNode step = steps.get(i);
      assertEquals(List.of("index", "line", "step", "status", "detail", "time_ms"), fieldNames(step));
      assertEquals(i + 1, step.get("index").asInt());
      assertEquals("passed", step.get("status").asText());
      assertTrue(step.get("time_ms").isIntegralNumber() && step.get("time_ms").asLong() >= 0);
      described.add(step.get("line").asInt() + " " + step.get("step").asText());
    }
    // Line 1 of every sample is the yaml-language-server comment that points editors at the JSON Schema.
    assertEquals(List.of("7 apply head", "8 expect version, pending, tables", "12 seed fixtures/front-page.sql",
        "13 expect rows", "17 rollback base", "18 expect version, pending, tables", "24 apply head",
        "25 expect version, pending, rows", "31 rollback base", "32 expect version, pending"), described);
    assertEquals("15 migrations applied (copied from the state cached for this run), "
        + "now at version 20250115000000", steps.get(0).get("detail").asText());
  }

  @Test
  void theRunSummaryCountsAndListsEveryScenarioRun() throws IOException {
    JsonNode summary = JSON.readTree(writer.runSummary().toFile());

    assertEquals(List.of("job_id", "run_id", "started_at", "status", "passed", "total", "counts", "time_ms",
        "leftovers", "scenarios"), fieldNames(summary));
    assertEquals(0, summary.get("leftovers").size(), "SQLite leaves nothing behind");
    assertEquals("job-42", summary.get("job_id").asText());
    assertEquals("sample-run", summary.get("run_id").asText());
    assertEquals("passed", summary.get("status").asText());
    assertTrue(summary.get("passed").asBoolean());
    assertEquals(files.size(), summary.get("total").asInt());
    assertEquals(JSON.readTree("{\"passed\": " + files.size()
        + ", \"failed\": 0, \"error\": 0, \"interrupted\": 0}"),
        summary.get("counts"));
    List<String> entries = new ArrayList<>();
    summary.get("scenarios").forEach(e -> entries.add(e.get("scenario").asText() + " " + e.get("database").asText()
        + " " + e.get("status").asText() + " " + e.get("summary").asText()));
    assertEquals(files.stream().map(f -> "scenarios/" + f.getFileName() + " sqlite passed " + stem(f)
        + "--sqlite.json").toList(), entries);
  }
}
