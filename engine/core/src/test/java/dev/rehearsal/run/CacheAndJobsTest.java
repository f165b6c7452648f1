package dev.rehearsal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.steps.Check;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache of migrated states and parallel runs change how fast a suite runs, never what it finds. */
class CacheAndJobsTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @TempDir
  Path temp;

  private Project project() {
    return Project.open(ROOT, Map.of("paths.backups", temp.resolve("backups").toString(),
        "paths.allow_outside_project", "true"));
  }

  @Test
  void theSampleSuiteFindsTheSameWithAndWithoutTheCacheAndWithTwoJobs() {
    Project project = project();
    List<Scenario> scenarios = project.readScenarios(project.scenarioFiles(List.of()));
    List<String> plain = outcomes(project.run(RunId.next(), scenarios, project.databases(List.of("sqlite")),
        new RunOptions(false, false, 1, false), new RunListener() {}));
    List<String> cached = outcomes(project.run(RunId.next(), scenarios, project.databases(List.of("sqlite")),
        new RunOptions(false, false, 1, true), new RunListener() {}));
    List<String> parallel = outcomes(project.run(RunId.next(), scenarios, project.databases(List.of("sqlite")),
        new RunOptions(false, false, 2, true), new RunListener() {}));
    assertTrue(plain.size() > 100, "outcomes compared: " + plain.size());
    assertSameLines(plain, cached);
    assertSameLines(plain, parallel);
  }

  @Test
  void aScenarioStartingWithApplyIsServedFromTheCache() throws IOException {
    Path file = temp.resolve("cached.yaml");
    Files.writeString(file, """
        scenario: starts at 20250107000000
        steps:
          - apply: 20250107000000
          - expect: {version: 20250107000000, pending: 8}
        """);
    Project project = project();
    List<Scenario> twice = project.readScenarios(List.of(file, file));
    RunResult result = project.run(RunId.next(), twice, project.databases(List.of("sqlite")),
        new RunOptions(false, false, 1, true), new RunListener() {});
    for (ScenarioResult run : result.scenarios()) {
      assertEquals(Status.PASSED, run.status());
      assertEquals("7 migrations applied (copied from the state cached for this run), now at version 20250107000000",
          run.steps().get(0).detail());
    }
  }

  @Test
  void changingOneByteOfAScriptChangesTheKeyOfEveryStateThatIncludesIt() throws IOException {
    Path repo = temp.resolve("repo");
    copy(ROOT.resolve("migrations"), repo);
    BigDecimal second = new BigDecimal("20250102000000");
    BigDecimal third = new BigDecimal("20250103000000");
    BigDecimal head = new BigDecimal("20250115000000");
    MigrationRepository before = MigrationRepository.open(repo, List.of(repo.resolve("scripts")), "sqlite");
    List<String> hashes = List.of(before.stateHash(second), before.stateHash(third), before.stateHash(head));
    Path script = repo.resolve("scripts/20250103000000_create_comments.sql");
    Files.writeString(script, Files.readString(script).replace("body", "body "));
    MigrationRepository after = MigrationRepository.open(repo, List.of(repo.resolve("scripts")), "sqlite");
    assertEquals(hashes.get(0), after.stateHash(second));
    assertNotEquals(hashes.get(1), after.stateHash(third));
    assertNotEquals(hashes.get(2), after.stateHash(head));
    MigrationRepository postgres = MigrationRepository.open(repo, List.of(repo.resolve("scripts")), "postgres");
    assertNotEquals(after.stateHash(second), postgres.stateHash(second), "the environment's variables count");
  }

  @Test
  void parallelRunsReportInPlanOrder() {
    Project project = project();
    List<Scenario> scenarios = project.readScenarios(project.scenarioFiles(List.of()));
    List<String> one = events(project, scenarios, 1);
    List<String> two = events(project, scenarios, 2);
    assertSameLines(one, two);
  }

  /** Equal lists, with the first difference in the message rather than two whole lists. */
  private static void assertSameLines(List<String> expected, List<String> actual) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals(runFree(expected.get(i)), runFree(actual.get(i)), "line " + i);
    }
    assertEquals(expected.size(), actual.size(), "number of lines");
  }

  private static List<String> events(Project project, List<Scenario> scenarios, int jobs) {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    project.run(RunId.next(), scenarios, project.databases(List.of("sqlite")), new RunOptions(false, false, jobs, true),
        new RunListener() {
          @Override
          public void scenarioStarted(ScenarioRun run) {
            events.add("start " + run.id());
          }

          @Override
          public void stepFinished(ScenarioRun run, StepResult step) {
            events.add("step " + run.id() + " " + step.index() + " " + step.status());
          }

          @Override
          public void scenarioFinished(ScenarioResult result) {
            events.add("finish " + result.run().id() + " " + result.status());
          }
        });
    return events;
  }

  /**
   * Run ids, the hashes of files written in a run and the times that time budgets and recovery objectives report
   * differ between runs; nothing else may.
   */
  private static String runFree(String line) {
    return line.replaceAll("\\d{8}_\\d{6}_[0-9a-f]{4}", "RUN").replaceAll("[0-9a-f]{64}", "SHA256")
        .replaceAll("\\b\\d+(\\.\\d+)? (ms|s)\\b", "T");
  }

  /** Every step's status and checks, without details and times (a cached apply says where it came from). */
  private static List<String> outcomes(RunResult result) {
    List<String> lines = new ArrayList<>();
    for (ScenarioResult scenario : result.scenarios()) {
      lines.add(scenario.run().id() + ": " + scenario.status());
      for (StepResult step : scenario.steps()) {
        lines.add("  " + step.index() + " " + step.status() + " " + step.error());
        for (Check check : step.checks()) {
          lines.add("    " + check);
        }
      }
    }
    return lines;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
