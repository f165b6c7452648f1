package dev.rehearsal.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.RunResult;
import dev.rehearsal.run.ScenarioRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The reports an engine run writes: the command's JSON summaries and terminal lines, JUnit XML, Markdown. */
class EngineReportsTest {

  @TempDir
  Path reports;

  @Test
  void writesTheJsonSummariesJunitXmlAndMarkdownThatTheParametersAskFor() throws Exception {
    Fixture.engine(reports, Map.of(Constants.REPORTS_JUNIT_XML, reports.resolve("junit/rehearsal.xml").toString(),
            Constants.REPORTS_MARKDOWN, reports.resolve("summary.md").toString()))
        .selectors(selectDirectory(Fixture.file("scenarios/failing").toFile())).execute();

    List<String> files;
    try (Stream<Path> walk = Files.walk(reports)) {
      files = walk.filter(Files::isRegularFile).map(p -> reports.relativize(p).toString())
          .map(n -> n.replaceAll("\\d{8}T\\d{6}Z-\\d{8}_\\d{6}_[0-9a-f]{4}", "STAMP")).sorted().toList();
    }
    assertEquals(List.of("broken-sql--sqlite.json", "junit/rehearsal.xml", "one-author-too-many--sqlite.json",
        "rollback-summary-STAMP.json", "summary.md"), files);
    String xml = Files.readString(reports.resolve("junit/rehearsal.xml"));
    assertTrue(xml.contains("<testsuite name=\"scenarios/failing/broken-sql.yaml [sqlite]\" tests=\"3\" "
        + "failures=\"0\" errors=\"1\" skipped=\"1\""), xml);
    assertTrue(Files.readString(reports.resolve("summary.md")).startsWith("## ❌ Rehearsal: 0 passed, 1 failed, "
        + "1 error\n"));
  }

  @Test
  void printsOneLinePerScenarioRunLikeTheCommandWithoutATerminal() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Fixture.engine(reports, Map.of(Constants.REPORTS_TERMINAL, "true", Constants.REPORTS_JSON, "false"))
          .selectors(selectDirectory(Fixture.file("scenarios").toFile())).execute();
    } finally {
      System.setOut(original);
    }

    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> !l.startsWith(" ")).map(l -> l.replaceAll("\\d+ ms", "N ms").replaceAll("\\d+\\.\\d s", "N s")
            .replaceAll("run \\d{8}_\\d{6}_[0-9a-f]{4}", "run RUN")).toList();
    assertEquals(List.of("Rehearsal run RUN: 4 scenario runs (4 scenarios)",
        "PASS   sqlite   scenarios/authors-survive-books-rollback.yaml  N ms  Rolling back the books table keeps "
            + "every author",
        "PASS   sqlite   scenarios/books-start-empty.yaml  N ms  The books table starts empty",
        "ERROR  sqlite   scenarios/failing/broken-sql.yaml  N ms  Inserts into a table that does not exist",
        "FAIL   sqlite   scenarios/failing/one-author-too-many.yaml  N ms  Expects one author too many",
        "4 scenario runs: 2 passed, 1 failed, 1 error in N s"), lines);
    assertEquals(0, reports.toFile().list().length, "no JSON with rehearsal.reports.json=false");
  }

  @Test
  void aLauncherCanListenToTheRunItself() {
    List<String> events = new ArrayList<>();
    RunListener listener = new RunListener() {
      @Override
      public void runStarted(String runId, List<ScenarioRun> plan) {
        events.add("started " + plan.stream().map(r -> r.index() + " " + r.id()).toList());
      }

      @Override
      public void runFinished(RunResult result) {
        events.add("finished " + result.count(dev.rehearsal.run.Status.PASSED) + " passed");
      }
    };

    EngineTestKit.engine(new RehearsalTestEngine(listener, Map.of()))
        .configurationParameter(Constants.PROJECT_DIR, Fixture.PROJECT.toString())
        .configurationParameter(Constants.REPORTS_TERMINAL, "false")
        .configurationParameter(Constants.REPORTS_JSON, "false")
        .selectors(selectDirectory(Fixture.file("scenarios").toFile()))
        .configurationParameter(Constants.NAME, "books").execute();

    assertEquals(List.of("started [1 authors-survive-books-rollback--sqlite, 2 books-start-empty--sqlite]",
        "finished 2 passed"), events);
  }
}
