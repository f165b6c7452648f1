package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code rehearse run}s at once in one project, as two CI jobs on one runner or a developer's two terminals do:
 * both finish, each writes a run summary of its own (the run id is in its name), every file in the reports
 * directory is whole, and no temporary file is left.
 */
class ConcurrentRunsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void twoRunsInOneProjectAtOnceNeitherCrashNorMix() throws Exception {
    TempProject project = new TempProject(dir);
    for (int i = 1; i <= 6; i++) {
      project.scenario("s" + i + ".yaml", "scenario: scenario " + i + "\nsteps:\n  - apply: head\n"
          + "  - seed: authors.yaml\n  - expect: {rows: {authors: 2}}\n  - rollback: base\n");
    }
    List<Process> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--project-dir",
          project.dir(), "--junit-xml", dir.resolve("reports/junit.xml").toString(), "--markdown",
          dir.resolve("reports/summary.md").toString());
      builder.environment().remove(RunCommand.STEP_SUMMARY_VARIABLE);
      builder.redirectErrorStream(true).redirectOutput(dir.resolve("out-" + run + ".txt").toFile());
      runs.add(builder.start());
    }
    for (int run = 0; run < 2; run++) {
      assertTrue(runs.get(run).waitFor(180, TimeUnit.SECONDS), "run " + run + " did not finish");
      String output = Files.readString(dir.resolve("out-" + run + ".txt"));
      assertEquals(0, runs.get(run).exitValue(), output);
      assertTrue(output.contains("6 scenario runs: 6 passed, 0 failed, 0 error"), output);
    }

    Path reports = dir.resolve("reports");
    List<String> names;
    try (Stream<Path> files = Files.list(reports)) {
      names = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    List<String> summaries = names.stream().filter(n -> n.startsWith("rollback-summary-")).toList();
    assertEquals(2, summaries.size(), names.toString());
    assertEquals(List.of(), names.stream().filter(n -> n.startsWith(".")).toList(), "temporary files left");
    Set<String> runIds = new TreeSet<>();
    for (String name : summaries) {
      JsonNode summary = JSON.readTree(reports.resolve(name).toFile());
      String runId = summary.get("run_id").asText();
      assertTrue(name.endsWith("-" + runId + ".json"), name + " names run " + runId);
      assertEquals(6, summary.get("counts").get("passed").asInt(), summary.toString());
      runIds.add(runId);
    }
    assertEquals(2, runIds.size());
    for (int i = 1; i <= 6; i++) {
      JsonNode scenario = JSON.readTree(reports.resolve("s" + i + "--sqlite.json").toFile());
      assertEquals("passed", scenario.get("status").asText());
      assertTrue(runIds.contains(scenario.get("run_id").asText()), scenario.toString());
    }
    String suites = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(reports.resolve("junit.xml")
        .toFile()).getDocumentElement().getAttribute("name");
    assertNotEquals("", suites);
    assertTrue(Files.readString(reports.resolve("summary.md")).contains("6 passed"));
  }
}
