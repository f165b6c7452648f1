package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run's selection options (--tags, --name, --shard), its extra reports and its progress line on a terminal. */
class RunSelectionAndReportsTest {

  @TempDir
  Path dir;

  private TempProject project;

  @BeforeEach
  void scenarios() {
    project = new TempProject(dir);
    project.scenario("authors.yaml", "scenario: Authors come and go\ntags: [authors, rollback]\nsteps:\n"
        + "  - apply: " + TempProject.AUTHORS + "\n  - rollback: base\n");
    project.scenario("books.yaml", "scenario: Books need authors\ntags: [books]\nsteps:\n  - apply: head\n");
    project.scenario("nothing.yaml", "scenario: Nothing at all\nsteps:\n  - apply: head\n  - rollback: base\n");
  }

  private static String stable(String out) {
    return out.replaceAll("Rehearsal run \\d{8}_\\d{6}_[0-9a-f]{4}:", "Rehearsal run RUN:")
        .replaceAll("  \\d+ ms  ", "  N ms  ").replaceAll(" in \\d+\\.\\d s\n", " in N s\n")
        .replaceAll("rollback-summary-\\d{8}T\\d{6}Z-\\d{8}_\\d{6}_[0-9a-f]{4}\\.json", "rollback-summary-STAMP.json");
  }

  @Test
  void tagsAndNameSelectScenarios() {
    Cli cli = Cli.run("run", "--project-dir", project.dir(), "--tags", "authors | books", "--name", "(?i)^authors|BOOKS");

    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals("""
        Rehearsal run RUN: 2 scenario runs (2 scenarios)
        PASS   sqlite   scenarios/authors.yaml  N ms  Authors come and go
        PASS   sqlite   scenarios/books.yaml  N ms  Books need authors
        2 scenario runs: 2 passed, 0 failed, 0 error in N s
        Summary: reports/rollback-summary-STAMP.json
        """, stable(cli.out()));
  }

  @Test
  void tagsAloneSelectScenarios() {
    Cli cli = Cli.run("run", "--project-dir", project.dir(), "--tags", "rollback & !books");

    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals("""
        Rehearsal run RUN: 1 scenario run (1 scenario)
        PASS   sqlite   scenarios/authors.yaml  N ms  Authors come and go
        1 scenario run: 1 passed, 0 failed, 0 error in N s
        Summary: reports/rollback-summary-STAMP.json
        """, stable(cli.out()));
  }

  @Test
  void twoScenarioFilesWithOneNameInTwoDirectoriesGetASummaryEach() throws IOException {
    project.scenario("billing/refund.yaml", "scenario: Refunds by billing\nsteps:\n  - apply: head\n");
    project.scenario("shop/refund.yaml", "scenario: Refunds in the shop\nsteps:\n  - apply: head\n"
        + "  - rollback: base\n");

    Cli cli = Cli.run("run", "--project-dir", project.dir(), "--name", "Refunds");

    assertEquals(0, cli.exitCode(), cli.err());
    try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
      assertEquals(List.of("scenarios.billing.refund--sqlite.json", "scenarios.shop.refund--sqlite.json"),
          files.map(f -> f.getFileName().toString()).filter(f -> !f.startsWith("rollback-summary-")).sorted()
              .toList());
    }
    assertTrue(Files.readString(dir.resolve("reports/scenarios.shop.refund--sqlite.json"))
        .contains("\"scenario\" : \"scenarios/shop/refund.yaml\""));
  }

  @Test
  void aSelectedDatabaseWithoutItsEnvironmentFileIsAProjectProblemBeforeAnyRun() {
    project.write("rehearsal.yaml", """
        paths:
          reports: reports
        databases:
          sqlite:
            environment: sqlite
          staging:
            kind: sqlite
            environment: staging
            run_by_default: false
        """);

    Cli plain = Cli.run("run", "--project-dir", project.dir(), "--name", "Authors");
    Cli both = Cli.run("run", "--project-dir", project.dir(), "--database", "sqlite", "--database", "staging");

    assertEquals(0, plain.exitCode(), plain.err());
    assertEquals(2, both.exitCode(), both.out());
    assertTrue(both.err().contains("environment file " + dir.resolve("migrations/environments/staging.properties")
        + " not found"), both.err());
    assertTrue(both.out().isEmpty() || !both.out().contains("PASS"), both.out());
  }

  @Test
  void aShardRunsItsShareAndAnEmptyShardIsNoError() {
    Cli second = Cli.run("run", "--project-dir", project.dir(), "--shard", "2/2");
    Cli fifth = Cli.run("run", "--project-dir", project.dir(), "--shard", "5/5");

    assertEquals(0, second.exitCode(), second.err());
    assertEquals("""
        Rehearsal run RUN: 1 scenario run (1 scenario)
        PASS   sqlite   scenarios/books.yaml  N ms  Books need authors
        1 scenario run: 1 passed, 0 failed, 0 error in N s
        Summary: reports/rollback-summary-STAMP.json
        """, stable(second.out()));
    // An empty run summary all the same, for the CI steps that upload and merge the shards' summaries.
    assertEquals(new Cli(0, "no scenario runs in shard 5/5: the other shards have them all\n"
        + "Summary: reports/rollback-summary-STAMP.json\n", ""), new Cli(fifth.exitCode(), stable(fifth.out()),
        fifth.err()));
  }

  @Test
  void aSelectionWithoutScenarioRunsExits2() {
    Cli cli = Cli.run("run", "--project-dir", project.dir(), "--tags", "slow", "--name", "x", "--shard", "1/3");

    assertEquals(new Cli(2, "", "no scenario runs: no scenario with tags matching 'slow' and a name matching 'x' "
        + "runs on the selected databases [sqlite]\n"), cli);
  }

  @Test
  void invalidSelectionOptionsAreUsageErrors() {
    assertEquals(new Cli(2, "", """
        error: Invalid value for option '--shard': '3/2' is not a shard — write I/N with 1 <= I <= N, e.g. 1/2
        Try 'rehearse run --help' for more information.
        """), Cli.run("run", "--project-dir", project.dir(), "--shard", "3/2"));
    Cli tags = Cli.run("run", "--project-dir", project.dir(), "--tags", "authors &");
    assertEquals(2, tags.exitCode());
    assertEquals("""
        error: Invalid value for option '--tags': Unable to parse tag expression "authors &": missing rhs operand \
        for '&' at index <8> — write a tag expression such as 'rollback & !slow'
        Try 'rehearse run --help' for more information.
        """, tags.err());
  }

  @Test
  void writesJunitXmlAndMarkdownAndAppendsToTheStepSummary() throws IOException {
    Path stepSummary = dir.resolve("github/step-summary.md");
    Files.createDirectories(stepSummary.getParent());
    Files.writeString(stepSummary, "# Build\n");

    Cli cli = Cli.run(Map.of(RunCommand.STEP_SUMMARY_VARIABLE, stepSummary.toString()), false, "run",
        "--project-dir", project.dir(), "--junit-xml", dir.resolve("out/junit.xml").toString(), "--markdown",
        dir.resolve("out/summary.md").toString(), "--name", "Books");

    assertEquals(0, cli.exitCode(), cli.err());
    String markdown = Files.readString(dir.resolve("out/summary.md"));
    assertTrue(markdown.startsWith("## ✅ Rehearsal: 1 passed, 0 failed, 0 error\n"), markdown);
    assertTrue(markdown.contains("| `scenarios/books.yaml` Books need authors | sqlite | ✅ passed |"), markdown);
    assertEquals("# Build\n" + markdown + "\n", Files.readString(stepSummary));
    String xml = Files.readString(dir.resolve("out/junit.xml"));
    assertTrue(xml.contains("<testsuite name=\"scenarios/books.yaml [sqlite]\" tests=\"1\" failures=\"0\" "
        + "errors=\"0\" skipped=\"0\""), xml);
    assertTrue(xml.contains("<testcase name=\"step 1: apply head\" classname=\"scenarios/books.yaml [sqlite]\""),
        xml);
  }

  @Test
  void reportsThatCannotBeWrittenExit3AfterTheRun() throws IOException {
    Path notADirectory = dir.resolve("taken");
    Files.writeString(notADirectory, "a file where the reports directory should be");

    Cli cli = Cli.run("run", "--project-dir", project.dir(), "--reports", notADirectory.toString(), "--name", "Books");

    assertEquals(3, cli.exitCode(), cli.out());
    assertTrue(cli.out().contains("PASS   sqlite   scenarios/books.yaml"), cli.out());
    assertTrue(cli.err().startsWith("error: cannot write the JSON summaries to " + notADirectory + ": "), cli.err());
  }

  @Test
  void onATerminalALiveLineShowsTheRunsDoneAndTheOneRunning() {
    Cli cli = Cli.run(Map.of(), true, "run", "--project-dir", project.dir(), "--name", "Authors|Books");

    assertEquals(0, cli.exitCode(), cli.err());
    String clear = "\r\u001b[K";
    assertEquals("Rehearsal run RUN: 2 scenario runs (2 scenarios)\n"
        + clear + "[0/2 done] running sqlite  scenarios/authors.yaml" + clear
        + "PASS   sqlite   scenarios/authors.yaml  N ms  Authors come and go\n"
        + clear + "[1/2 done] running sqlite  scenarios/books.yaml" + clear
        + "PASS   sqlite   scenarios/books.yaml  N ms  Books need authors\n"
        + "2 scenario runs: 2 passed, 0 failed, 0 error in N s\n"
        + "Summary: reports/rollback-summary-STAMP.json\n", stable(cli.out()));
  }
}
