package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --changed-since REF} in a real git repository: {@code roundtrip} round-trips exactly the migrations added or
 * changed since the merge base (committed on the branch, or only in the work tree), {@code run} runs the scenarios
 * that changed or name a changed migration or fixture, and without a work tree or with an unknown REF both exit 2.
 */
class ChangedSinceTest {

  @TempDir
  Path dir;

  private TempProject project;

  private void git(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Rehearsal Test", "-c",
        "user.email=test@example.com", "-c", "commit.gpgsign=false"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + out);
  }

  private static String migration(String table) {
    return "CREATE TABLE " + table + " (id INTEGER);\n-- //@UNDO\nDROP TABLE " + table + ";\n";
  }

  /**
   * main: six migrations, three scenarios and a fixture; the branch "feature" then changes migration 4, adds 7 and
   * changes the fixture, and the work tree changes migration 2.
   */
  @BeforeEach
  void repository() throws IOException, InterruptedException {
    project = new TempProject(dir);
    Files.delete(dir.resolve("migrations/scripts/" + TempProject.AUTHORS + "_create_authors.sql"));
    Files.delete(dir.resolve("migrations/scripts/" + TempProject.BOOKS + "_create_books.sql"));
    for (int i = 1; i <= 6; i++) {
      project.write("migrations/scripts/2024010" + i + "000000_create_t" + i + ".sql", migration("t" + i));
    }
    project.write("fixtures/t1.yaml", "t1:\n  - {id: 1}\n");
    project.scenario("names-4.yaml", "scenario: Rolls 4 back\nsteps:\n  - apply: 20240104000000\n"
        + "  - rollback: 20240103000000\n");
    project.scenario("seeds-t1.yaml", "scenario: Seeds t1\nsteps:\n  - apply: 20240101000000\n  - seed: t1.yaml\n");
    project.scenario("unrelated.yaml", "scenario: Applies 1\nsteps:\n  - apply: 20240101000000\n");
    project.write(".gitignore", "reports/\n");
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "main");
    git("checkout", "-q", "-b", "feature");
    project.write("migrations/scripts/20240104000000_create_t4.sql", migration("t4") + "-- reviewed\n");
    project.write("migrations/scripts/20240107000000_create_t7.sql", migration("t7"));
    project.write("fixtures/t1.yaml", "t1:\n  - {id: 2}\n");
    git("add", "-A");
    git("commit", "-q", "-m", "feature");
    project.write("migrations/scripts/20240102000000_create_t2.sql", migration("t2") + "-- not committed\n");
  }

  @Test
  void roundtripChecksExactlyTheChangedMigrationsAndAppliesTheOthersStraight() throws IOException {
    Cli cli = Cli.run("roundtrip", "--project-dir", dir.toString(), "--changed-since", "main");

    assertEquals(0, cli.exitCode(), cli.out() + cli.err());
    assertTrue(RoundtripCommandTest.stable(cli.out()).contains("""
        Round-trips on sqlite: 3 migrations
          20240102000000_create_t2.sql  passed
          20240104000000_create_t4.sql  passed
          20240107000000_create_t7.sql  passed
        3 migrations on sqlite: 3 passed
        PASS   sqlite   rehearse-roundtrip  N ms  Round-trips: changed since main
        """), cli.out());
    assertTrue(cli.out().startsWith("Changed since main (merge base "), cli.out());
    JsonNode step = new ObjectMapper().readTree(dir.resolve("reports/rehearse-roundtrip--sqlite.json").toFile())
        .get("steps").get(0);
    List<String> ids = new ArrayList<>();
    step.get("migrations").forEach(m -> ids.add(m.get("id").asText()));
    assertEquals(List.of("20240102000000", "20240104000000", "20240107000000"), ids);
    assertEquals("round-trip of 3 migrations: 3 passed", step.get("detail").asText());
  }

  @Test
  void runRunsTheScenariosThatNameAChangedMigrationOrFixture() {
    Cli cli = Cli.run("run", "--project-dir", dir.toString(), "--changed-since", "main");

    assertEquals(0, cli.exitCode(), cli.out() + cli.err());
    assertTrue(cli.out().startsWith("2 of 3 scenario files concerned by changes since main (merge base "), cli.out());
    assertTrue(cli.out().contains("""
         (3 changed migrations):
          scenarios/names-4.yaml: names 20240104000000, which changed
          scenarios/seeds-t1.yaml: seeds fixtures/t1.yaml, which changed
        Rehearsal run"""), cli.out());
    assertTrue(cli.out().contains(" 2 scenario runs (2 scenarios)\n"), cli.out());
  }

  @Test
  void withNothingChangedNothingRunsAndTheRunSummaryIsStillWritten() throws IOException, InterruptedException {
    git("add", "-A");
    git("commit", "-q", "-m", "all");

    Cli roundtrip = Cli.run("roundtrip", "--project-dir", dir.toString(), "--changed-since", "HEAD");
    Cli run = Cli.run("run", "--project-dir", dir.toString(), "--changed-since", "HEAD");

    assertEquals(0, roundtrip.exitCode(), roundtrip.out());
    assertTrue(roundtrip.out().contains("PASS   sqlite   rehearse-roundtrip"), roundtrip.out());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().startsWith("0 of 3 scenario files concerned by changes since HEAD (merge base "), run.out());
    assertTrue(RoundtripCommandTest.stable(run.out()).endsWith("\nSummary: reports/rollback-summary-STAMP.json\n"),
        run.out());
  }

  @Test
  void aChangeThatConcernsNoScenarioOfTheSelectedDatabasesIsNothingToDo() throws IOException, InterruptedException {
    Files.delete(dir.resolve("scenarios/seeds-t1.yaml"));
    project.scenario("names-4.yaml", "scenario: Rolls 4 back\ndatabases: [postgres]\nsteps:\n"
        + "  - apply: 20240104000000\n");

    Cli cli = Cli.run("run", "--project-dir", dir.toString(), "--changed-since", "main", "--database", "sqlite");

    assertEquals(0, cli.exitCode(), cli.out() + cli.err());
    assertTrue(RoundtripCommandTest.stable(cli.out()).endsWith("""
          scenarios/names-4.yaml: changed
        not run: scenarios/names-4.yaml runs on postgres only; select it with --database or rehearsal.databases
        no scenario runs: none of the scenarios concerned runs on the selected databases [sqlite]
        Summary: reports/rollback-summary-STAMP.json
        """), cli.out());
  }

  @Test
  void anUnknownRevisionIsAUsageError() {
    Cli cli = Cli.run("roundtrip", "--project-dir", dir.toString(), "--changed-since", "no-such-branch");

    assertEquals(new Cli(2, "", "error: --changed-since no-such-branch: git knows no commit 'no-such-branch' — name "
        + "a branch, tag or commit of this repository; in a CI checkout, fetch it first (actions/checkout with "
        + "fetch-depth: 0, or git fetch origin no-such-branch)\n"
        + "Try 'rehearse roundtrip --help' for more information.\n"), cli);
  }

  @Test
  void outsideAGitWorkTreeBothCommandsExit2AndSayWhy(@TempDir Path elsewhere) throws IOException {
    TempProject plain = new TempProject(elsewhere);

    Cli roundtrip = Cli.run("roundtrip", "--project-dir", plain.root.toString(), "--changed-since", "main");
    Cli run = Cli.run("run", "--project-dir", plain.root.toString(), "--changed-since", "main");

    assertEquals(2, roundtrip.exitCode());
    assertTrue(roundtrip.err().startsWith("error: --changed-since main: " + plain.root + " is not inside a git work "
        + "tree (git: fatal: not a git repository"), roundtrip.err());
    assertTrue(roundtrip.err().contains(") — run it in a clone of the repository, or leave --changed-since out\n"),
        roundtrip.err());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("error: --changed-since main: " + plain.root + " is not inside a git work tree"),
        run.err());
  }
}
