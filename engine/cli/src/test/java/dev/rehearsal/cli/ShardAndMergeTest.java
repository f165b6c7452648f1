package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splitting a run into shards, and merging the shards' summaries back into the whole run's. */
class ShardAndMergeTest {

  private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static Path runSummary(Path reports) throws IOException {
    try (Stream<Path> files = Files.list(reports)) {
      return files.filter(f -> f.getFileName().toString().matches("rollback-summary-.*\\.json")).findFirst()
          .orElseThrow();
    }
  }

  private static List<String> runs(JsonNode summary) {
    List<String> runs = new ArrayList<>();
    summary.get("scenarios").forEach(e -> runs.add(e.get("scenario").asText() + " [" + e.get("database").asText()
        + "] " + e.get("status").asText()));
    return runs;
  }

  @Test
  void twoShardsRunEverySampleScenarioExactlyOnceAndTheirMergeEqualsTheWholeRun() throws IOException {
    Path whole = dir.resolve("whole");
    Path first = dir.resolve("shard-1");
    Path second = dir.resolve("shard-2");

    Cli all = Cli.run("run", "--project-dir", REPOSITORY.toString(), "--reports", whole.toString());
    Cli one = Cli.run("run", "--project-dir", REPOSITORY.toString(), "--reports", first.toString(), "--shard", "1/2");
    Cli two = Cli.run("run", "--project-dir", REPOSITORY.toString(), "--reports", second.toString(), "--shard", "2/2");

    assertEquals(List.of(0, 0, 0), List.of(all.exitCode(), one.exitCode(), two.exitCode()), all.err() + one.err()
        + two.err());
    List<String> wholeRuns = runs(JSON.readTree(runSummary(whole).toFile()));
    List<String> firstRuns = runs(JSON.readTree(runSummary(first).toFile()));
    List<String> secondRuns = runs(JSON.readTree(runSummary(second).toFile()));
    Set<String> overlap = new HashSet<>(firstRuns);
    overlap.retainAll(secondRuns);
    assertEquals(Set.of(), overlap, "a scenario run in both shards");
    List<String> together = new ArrayList<>(firstRuns);
    together.addAll(secondRuns);
    together.sort(null);
    assertEquals(wholeRuns.stream().sorted().toList(), together);
    assertEquals(wholeRuns.size() / 2 + wholeRuns.size() % 2, firstRuns.size());

    Path merged = dir.resolve("merged/summary.json");
    Cli merge = Cli.run("report", "merge", "--output", merged.toString(), runSummary(first).toString(),
        runSummary(second).toString());

    assertEquals(0, merge.exitCode(), merge.err());
    JsonNode wholeSummary = JSON.readTree(runSummary(whole).toFile());
    JsonNode mergedSummary = JSON.readTree(merged.toFile());
    assertEquals(wholeSummary.get("counts"), mergedSummary.get("counts"));
    assertEquals(wholeSummary.get("total"), mergedSummary.get("total"));
    assertEquals(wholeRuns, runs(mergedSummary));
    assertTrue(Files.isRegularFile(merged.resolveSibling(mergedSummary.get("scenarios").get(0).get("summary")
        .asText())), "each entry points at its scenario summary from the merged file's directory");
  }

  @Test
  void mergingKeepsFailuresAndErrorsRendersThemAndExitsOne() throws IOException {
    TempProject project = new TempProject(dir.resolve("project"));
    project.scenario("a-passes.yaml", "scenario: Passes\nsteps:\n  - apply: head\n");
    project.scenario("b-fails.yaml", """
        scenario: Expects one author too many
        steps:
          - apply: head
          - seed: authors.yaml
          - expect: {rows: {authors: 3}}
        """);
    project.scenario("c-breaks.yaml", "scenario: Breaks\nsteps:\n  - apply: head\n  - sql: \"SELECT * FROM nowhere;\"\n");
    Path stepSummary = dir.resolve("step-summary.md");
    Files.writeString(stepSummary, "earlier step\n");
    List<String> inputs = new ArrayList<>();
    for (String shard : List.of("1/2", "2/2")) {
      Path reports = dir.resolve("reports-" + shard.charAt(0));
      Cli run = Cli.run("run", "--project-dir", project.dir(), "--reports", reports.toString(), "--shard", shard);
      assertEquals(1, run.exitCode(), run.out() + run.err());
      inputs.add(runSummary(reports).toString());
    }
    List<String> args = new ArrayList<>(List.of("report", "merge", "--project-dir", project.dir()));
    args.addAll(inputs);

    Cli merge = Cli.run(Map.of(RunCommand.STEP_SUMMARY_VARIABLE, stepSummary.toString()), false,
        args.toArray(String[]::new));

    assertEquals(1, merge.exitCode(), merge.err());
    String markdown = merge.out().replaceAll("\\d+ ms", "N ms").replaceAll("\\d+\\.\\d s", "N s")
        .replaceAll("run `[^`]+`", "run `RUN`");
    assertEquals("""
        ## ❌ Rehearsal: 1 passed, 1 failed, 1 error

        3 scenario runs in N ms, run `RUN`.

        | scenario | database | status | time |
        | --- | --- | --- | --- |
        | `scenarios/a-passes.yaml` Passes | sqlite | ✅ passed | N ms |
        | `scenarios/b-fails.yaml` Expects one author too many | sqlite | ❌ failed | N ms |
        | `scenarios/c-breaks.yaml` Breaks | sqlite | 💥 error | N ms |

        ### ❌ `scenarios/b-fails.yaml` on sqlite, step 3 (line 5): rows authors = 3

        ```
        expected: 3 rows
        actual:   2 rows
        ```

        ### 💥 `scenarios/c-breaks.yaml` on sqlite, step 2 (line 4)

        ```
        sql at scenarios/c-breaks.yaml:4:5 failed: [SQLITE_ERROR] SQL error or missing database (no such table: \
        nowhere)
          statement: SELECT * FROM nowhere
        ```
        """, markdown.replace("N s", "N ms"));
    assertEquals("earlier step\n" + merge.out() + "\n", Files.readString(stepSummary));
    assertTrue(merge.err().matches("Merged 2 run summaries \\(3 scenario runs: 1 passed, 1 failed, 1 error\\) into "
        + ".*merged-summary.json\n"), merge.err());
    JsonNode merged = JSON.readTree(dir.resolve("project/reports/merged-summary.json").toFile());
    assertEquals(JSON.readTree("{\"passed\": 1, \"failed\": 1, \"error\": 1, \"interrupted\": 0}"),
        merged.get("counts"));
  }

  @Test
  void mergingTheSameShardTwiceOrSomethingElseIsInvalid() throws IOException {
    TempProject project = new TempProject(dir.resolve("project"));
    project.scenario("a.yaml", "scenario: A\nsteps:\n  - apply: head\n");
    Cli run = Cli.run("run", "--project-dir", project.dir());
    assertEquals(0, run.exitCode(), run.err());
    Path summary = runSummary(dir.resolve("project/reports"));
    Path scenario = dir.resolve("project/reports/a--sqlite.json");

    Cli merge = Cli.run("report", "merge", "--output", dir.resolve("m.json").toString(), summary.toString(),
        summary.toString(), scenario.toString(), dir.resolve("none.json").toString());

    assertEquals(new Cli(2, "", summary + ":1:1: scenarios/a.yaml on sqlite is in " + summary + " too — merge the "
        + "summaries of disjoint shards\n"
        + scenario + ":1:1: not a run summary (it lacks run_id, counts or scenarios) — give the "
        + "rollback-summary-*.json files, not the summaries of single scenario runs\n"
        + dir.resolve("none.json") + ":1:1: no such file — give the rollback-summary-*.json files of the runs to "
        + "merge\n3 problems found; nothing was run.\n"), merge);
  }
}
