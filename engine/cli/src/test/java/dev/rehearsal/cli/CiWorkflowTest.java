package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code .github/workflows/ci.yml} and the pull request template: the jobs, services and steps the project's CI
 * relies on, and a checklist that stays the one in {@code docs/migration-checklist.md}.
 */
class CiWorkflowTest {

  private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

  private static Map<String, Object> workflow;

  @BeforeAll
  static void parse() throws IOException {
    workflow = new Yaml(new SafeConstructor(new LoaderOptions()))
        .load(Files.readString(REPOSITORY.resolve(".github/workflows/ci.yml")));
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      current = ((Map<String, Object>) current).get(key);
    }
    return (T) current;
  }

  private static List<Map<String, Object>> steps(String job) {
    return at(workflow, "jobs", job, "steps");
  }

  private static Map<String, Object> step(String job, String name) {
    return steps(job).stream().filter(s -> name.equals(s.get("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no step '" + name + "' in job " + job));
  }

  @Test
  void runsOnPullRequestsAndPushesToMainWithThreeJobs() {
    // SnakeYAML reads the key "on" as the boolean true (YAML 1.1).
    Map<?, ?> triggers = ((Map<?, ?>) workflow).entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getKey()))
        .map(e -> (Map<?, ?>) e.getValue()).findFirst().orElseThrow();
    assertEquals(true, triggers.containsKey("pull_request"));
    assertEquals(List.of("main"), at(triggers.get("push"), "branches"));
    Map<String, Object> jobs = at(workflow, "jobs");
    assertEquals(List.of("build", "scenarios", "ci"), List.copyOf(jobs.keySet()));
  }

  @Test
  void buildAndTestRunsTheReadmesCommandNextToPostgres15() {
    assertEquals("mvn -B verify", step("build", "Build and test").get("run"));
    assertPostgres15WithHealthCheck("build");
    assertEquals("engine/cli/target/rehearse.jar", at(step("build", "Upload the rehearse jar"), "with", "path"));
  }

  @Test
  void scenariosRunShardedOnSqliteAndPostgresAndUploadTheirSummaries() {
    assertEquals("build", at(workflow, "jobs", "scenarios", "needs"));
    assertEquals(List.of("sqlite", "postgres", "mariadb"),
        at(workflow, "jobs", "scenarios", "strategy", "matrix", "database"));
    assertEquals("${{ fromJSON(needs.build.outputs.shards) }}",
        at(workflow, "jobs", "scenarios", "strategy", "matrix", "shard"));
    assertEquals("${{ steps.shards.outputs.list }}", at(workflow, "jobs", "build", "outputs", "shards"));
    assertEquals(List.of(Map.of("database", "postgres", "postgres-image", "postgres:15"),
            Map.of("database", "mariadb", "mariadb-image", "mariadb:11")),
        at(workflow, "jobs", "scenarios", "strategy", "matrix", "include"));
    Map<String, Object> postgres = at(workflow, "jobs", "scenarios", "services", "postgres");
    assertEquals("${{ matrix.postgres-image }}", postgres.get("image"), "only the postgres legs start PostgreSQL");
    assertTrue(postgres.get("options").toString().contains("--health-cmd \"pg_isready -U postgres\""));
    Map<String, Object> mariadb = at(workflow, "jobs", "scenarios", "services", "mariadb");
    assertEquals("${{ matrix.mariadb-image }}", mariadb.get("image"), "only the mariadb legs start MariaDB");
    String run = step("scenarios", "Run the scenarios").get("run").toString();
    assertTrue(run.startsWith("./rehearse run --database ${{ matrix.database }} --shard ${{ matrix.shard }}/"
        + "${{ env.SHARDS }}"), run);
    assertTrue(run.contains("--junit-xml artifacts/migrations/"), run);
    Map<String, Object> upload = step("scenarios", "Upload the summaries");
    assertEquals("always()", upload.get("if"));
    assertEquals("artifacts/migrations/", at(upload, "with", "path"));
    assertTrue(upload.get("uses").toString().startsWith("actions/upload-artifact@"));
  }

  @Test
  void pullRequestsRunOnlyWhatTheyChangedAndMainRunsEverything() {
    assertEquals("${{ github.event_name == 'pull_request' && format('--changed-since origin/{0}', github.base_ref) "
        + "|| '' }}", at(workflow, "jobs", "scenarios", "env", "CHANGED"));
    assertEquals(Integer.valueOf(0), at(steps("scenarios").get(0), "with", "fetch-depth"),
        "--changed-since needs the history");
    assertTrue(step("scenarios", "Run the scenarios").get("run").toString().endsWith(" $CHANGED"));
    Map<String, Object> roundtrip = step("scenarios", "Round-trip the migrations");
    assertEquals("./rehearse roundtrip --database ${{ matrix.database }} $CHANGED", roundtrip.get("run"));
    assertEquals("always() && matrix.shard == 1", roundtrip.get("if"));
  }

  @Test
  void oneJobGivesBranchProtectionASingleStatusAndMergesTheShards() {
    Map<String, Object> ci = at(workflow, "jobs", "ci");
    assertEquals("CI", ci.get("name"));
    assertEquals(List.of("build", "scenarios"), ci.get("needs"));
    assertEquals("always()", ci.get("if"));
    assertTrue(step("ci", "Merge the summaries").get("run").toString()
        .startsWith("./rehearse report merge --output artifacts/migrations/merged-summary.json "
            + "shards/*/rollback-summary-*.json"));
    String verdict = step("ci", "Verdict").get("run").toString();
    assertTrue(verdict.contains("test \"$BUILD\" = success && test \"$SCENARIOS\" = success"), verdict);
  }

  @Test
  void thePullRequestChecklistIsTheMigrationChecklist() throws IOException {
    List<String> template = Files.readAllLines(REPOSITORY.resolve(".github/pull_request_template.md")).stream()
        .filter(l -> l.startsWith("- [ ] ")).map(l -> l.substring(6)).toList();
    String checklist = Files.readString(REPOSITORY.resolve("docs/migration-checklist.md"));

    assertTrue(template.size() >= 5, "checklist items: " + template);
    assertEquals(List.of(), template.stream().filter(item -> !checklist.contains("- [ ] " + item))
        .collect(Collectors.toList()), "items of the template missing from docs/migration-checklist.md");
  }

  @Test
  void theReleaseRunsOnVersionTagsAndDeploysOnlyWithCredentials() throws IOException {
    Map<String, Object> release = new Yaml(new SafeConstructor(new LoaderOptions()))
        .load(Files.readString(REPOSITORY.resolve(".github/workflows/release.yml")));
    Map<?, ?> triggers = release.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getKey()))
        .map(e -> (Map<?, ?>) e.getValue()).findFirst().orElseThrow();
    List<Map<String, Object>> steps = at(release, "jobs", "release", "steps");
    Map<String, String> runs = new java.util.LinkedHashMap<>();
    steps.stream().filter(s -> s.containsKey("name")).forEach(s -> runs.put(s.get("name").toString(),
        String.valueOf(s.get("run"))));

    assertEquals(List.of("v*"), at(triggers, "push", "tags"));
    assertEquals("mvn -B -Drevision=\"$VERSION\" -Drehearsal-junit.version=\"$VERSION\" verify",
        runs.get("Build and test"));
    assertTrue(runs.get("Attach the archives and the jars to a GitHub Release").contains(
        "\"engine/cli/target/rehearsal-$VERSION.tar.gz\" \"engine/cli/target/rehearsal-$VERSION.zip\""));
    String deploy = runs.get("Deploy rehearsal-core and rehearsal-junit");
    assertTrue(deploy.startsWith("if [ -z \"$MAVEN_REPOSITORY_URL\" ] || [ -z \"$MAVEN_USERNAME\" ] || [ -z "
        + "\"$MAVEN_PASSWORD\" ]; then\n  echo \"Deploy skipped: "), deploy);
    assertTrue(deploy.contains("-pl engine/core,engine/junit deploy"), deploy);
  }

  @Test
  void theShardListComesFromShardsAlone() throws Exception {
    assertEquals(Integer.valueOf(2), at(workflow, "env", "SHARDS"));
    Map<String, Object> list = step("build", "List the shards");
    assertEquals("shards", list.get("id"));
    assertEquals(List.of("[1,2]", "[1,2,3]"), List.of(shardList(list, "2"), shardList(list, "3")));
  }

  /** What the step writes to GITHUB_OUTPUT as {@code list}, run by bash with {@code SHARDS} set. */
  private static String shardList(Map<String, Object> step, String shards) throws Exception {
    Path output = Files.createTempFile("github-output", ".txt");
    try {
      ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", step.get("run").toString());
      bash.environment().put("SHARDS", shards);
      bash.environment().put("GITHUB_OUTPUT", output.toString());
      assertEquals(0, bash.inheritIO().start().waitFor());
      String line = Files.readString(output).strip();
      assertTrue(line.startsWith("list="), line);
      return line.substring("list=".length());
    } finally {
      Files.delete(output);
    }
  }

  @Test
  void everyJobThatRunsMavenOrRehearseHasAMavenCache() {
    for (String job : List.of("build", "scenarios", "ci")) {
      Map<String, Object> java = steps(job).stream().filter(s -> String.valueOf(s.get("uses"))
          .startsWith("actions/setup-java@")).findFirst().orElseThrow(() -> new AssertionError(job));
      assertEquals("maven", at(java, "with", "cache"), job);
    }
  }

  private static void assertPostgres15WithHealthCheck(String job) {
    Map<String, Object> postgres = at(workflow, "jobs", job, "services", "postgres");
    assertEquals("postgres:15", postgres.get("image"));
    assertEquals(List.of("5432:5432"), postgres.get("ports"));
    assertTrue(postgres.get("options").toString().contains("--health-cmd \"pg_isready -U postgres\""),
        postgres.get("options").toString());
  }
}
