package dev.rehearsal.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;

/** What the engine finds, from which selectors and parameters, and how it reports files it cannot read. */
class DiscoveryTest {

  @TempDir
  Path reports;

  private EngineDiscoveryResults discover(Map<String, String> parameters,
      org.junit.platform.engine.DiscoverySelector... selectors) {
    return Fixture.engine(reports, parameters).selectors(selectors).discover();
  }

  /** The tree as indented lines: display name, then the unique id's last segment and the source's position. */
  private static List<String> tree(TestDescriptor descriptor) {
    List<String> lines = new ArrayList<>();
    render(descriptor, "", lines);
    return lines;
  }

  private static void render(TestDescriptor descriptor, String indent, List<String> lines) {
    if (!descriptor.isRoot()) {
      var segment = descriptor.getUniqueId().getLastSegment();
      String position = descriptor.getSource().map(s -> ((FileSource) s).getPosition()
          .map(p -> " @" + p.getLine() + ":" + p.getColumn().orElse(0)).orElse("")).orElse("");
      lines.add(indent + descriptor.getType() + " " + descriptor.getDisplayName() + " [" + segment.getType() + ":"
          + segment.getValue() + "]" + position + " " + descriptor.getTags().stream().map(TestTag::getName)
          .sorted().toList());
    }
    descriptor.getChildren().forEach(child -> render(child, descriptor.isRoot() ? "" : indent + "  ", lines));
  }

  private static List<String> issues(EngineDiscoveryResults results) {
    return results.getDiscoveryIssues().stream().map(i -> i.severity() + " " + i.message()
        + i.source().map(DiscoveryTest::source).orElse("")).toList();
  }

  private static String source(TestSource source) {
    FileSource file = (FileSource) source;
    return " (" + Fixture.PROJECT.relativize(file.getFile().toPath()) + file.getPosition()
        .map(p -> ":" + p.getLine() + ":" + p.getColumn().orElse(0)).orElse("") + ")";
  }

  @Test
  void aScenarioFileIsAContainerOfOneRunPerDatabaseWithAStepTestPerStep() {
    EngineDiscoveryResults results = discover(Map.of(Constants.DATABASES, "sqlite,postgres"),
        selectFile(Fixture.file("scenarios/books-start-empty.yaml").toFile()));

    assertEquals(List.of(
        "CONTAINER The books table starts empty [scenario:scenarios/books-start-empty.yaml] @1:1 [books]",
        "  CONTAINER sqlite [run:sqlite] @1:1 [books]",
        "    TEST step 1: apply head [step:1] @4:5 [books]",
        "    TEST step 2: expect rows [step:2] @5:5 [books]",
        "  CONTAINER postgres [run:postgres] @1:1 [books]",
        "    TEST step 1: apply head [step:1] @4:5 [books]",
        "    TEST step 2: expect rows [step:2] @5:5 [books]"), tree(results.getEngineDescriptor()));
    assertEquals(List.of(), results.getDiscoveryIssues());
  }

  @Test
  void anInvalidFileIsADiscoveryIssueWithItsPlaceAndAddsNothing() {
    EngineDiscoveryResults results = discover(Map.of(), selectFile(Fixture.file("broken/typo.yaml").toFile()),
        selectFile(Fixture.file("broken/unknown-id.yaml").toFile()),
        selectFile(Fixture.file("scenarios/books-start-empty.yaml").toFile()));

    assertEquals(List.of(
        "ERROR broken/typo.yaml:5:7: unknown key 'rowz' in 'expect' — did you mean 'rows'? (broken/typo.yaml:5:7)",
        "ERROR broken/unknown-id.yaml:3:12: unknown migration id 20240102000001 — did you mean 20240102000000? "
            + "(broken/unknown-id.yaml:3:12)"), issues(results));
    assertEquals(1, results.getEngineDescriptor().getChildren().size());
    DiscoveryIssue first = results.getDiscoveryIssues().get(0);
    assertEquals(Optional.of(FilePosition.from(5, 7)), ((FileSource) first.source().orElseThrow()).getPosition());
  }

  @Test
  void aMissingFileOrDirectoryIsAnIssue() {
    EngineDiscoveryResults results = discover(Map.of(), selectFile(Fixture.file("scenarios/nope.yaml").toString()),
        selectDirectory(Fixture.file("nowhere").toString()));

    assertEquals(List.of(
        "ERROR scenarios/nope.yaml:1:1: no such file or directory — give scenario files or directories",
        "ERROR nowhere:1:1: no such file or directory — give scenario files or directories"), issues(results));
  }

  @Test
  void aScenarioForAnotherDatabaseIsNotRunAndSaysSo() {
    EngineDiscoveryResults results = discover(Map.of(),
        selectFile(Fixture.file("scenarios/postgres-only.yaml").toFile()));

    assertEquals(List.of("INFO not run: scenarios/postgres-only.yaml runs on postgres only; select it with "
        + "--database or rehearsal.databases (scenarios/postgres-only.yaml)"), issues(results));
    assertEquals(List.of(), tree(results.getEngineDescriptor()));
  }

  @Test
  void aClasspathResourceSelectsTheFileOrDirectoryItIs() {
    EngineDiscoveryResults results = discover(Map.of(), selectClasspathResource("project/scenarios/failing"));

    assertEquals(List.of("Expects one author too many", "Inserts into a table that does not exist"),
        results.getEngineDescriptor().getChildren().stream().map(TestDescriptor::getDisplayName).sorted().toList());
  }

  @Test
  void theScenariosParameterIsUsedWhenNothingIsSelected() {
    Map<String, String> parameters = Map.of(Constants.SCENARIOS, "scenarios/books-start-empty.yaml, scenarios/failing");

    assertEquals(List.of("scenarios/books-start-empty.yaml", "scenarios/failing/broken-sql.yaml",
        "scenarios/failing/one-author-too-many.yaml"), files(discover(parameters)));
    assertEquals(List.of("scenarios/authors-survive-books-rollback.yaml"), files(discover(parameters,
        selectFile(Fixture.file("scenarios/authors-survive-books-rollback.yaml").toFile()))));
    assertEquals(List.of(), files(discover(Map.of())));
  }

  @Test
  void theUniqueIdOfAStepSelectsItsWholeScenarioRun() {
    TestDescriptor all = discover(Map.of(Constants.DATABASES, "sqlite,postgres"),
        selectFile(Fixture.file("scenarios/books-start-empty.yaml").toFile())).getEngineDescriptor();
    TestDescriptor step = all.getChildren().iterator().next().getChildren().iterator().next().getChildren()
        .stream().skip(1).findFirst().orElseThrow();

    EngineDiscoveryResults results = discover(Map.of(Constants.DATABASES, "sqlite,postgres"),
        selectUniqueId(step.getUniqueId()));

    assertEquals(List.of(
        "CONTAINER The books table starts empty [scenario:scenarios/books-start-empty.yaml] @1:1 [books]",
        "  CONTAINER sqlite [run:sqlite] @1:1 [books]",
        "    TEST step 1: apply head [step:1] @4:5 [books]",
        "    TEST step 2: expect rows [step:2] @5:5 [books]"), tree(results.getEngineDescriptor()));
    assertEquals(List.of(), results.getDiscoveryIssues());
  }

  @Test
  void nameAndTagsSelectScenarios() {
    var all = selectDirectory(Fixture.file("scenarios").toFile());

    assertEquals(List.of("scenarios/authors-survive-books-rollback.yaml", "scenarios/failing/one-author-too-many.yaml"),
        files(discover(Map.of(Constants.TAGS, "authors"), all)));
    assertEquals(List.of("scenarios/authors-survive-books-rollback.yaml"),
        files(discover(Map.of(Constants.TAGS, "authors & !books & rollback"), all)));
    assertEquals(List.of("scenarios/books-start-empty.yaml", "scenarios/failing/broken-sql.yaml"),
        files(discover(Map.of(Constants.NAME, "(?i)starts empty|INSERTS"), all)));
    assertEquals(List.of("scenarios/failing/broken-sql.yaml", "scenarios/failing/one-author-too-many.yaml"),
        files(discover(Map.of(Constants.NAME, "^scenarios/failing/"), all)));
  }

  @Test
  void shardsGetTheirShareOfEveryDatabaseAndEveryRunIsInExactlyOneShard() {
    var all = selectDirectory(Fixture.file("scenarios").toFile());
    Map<String, String> both = Map.of(Constants.DATABASES, "sqlite,postgres", Constants.TAGS, "!rollback");

    List<String> runs = runs(discover(both, all));
    List<String> first = runs(discover(with(both, Constants.SHARD, "1/2"), all));
    List<String> second = runs(discover(with(both, Constants.SHARD, "2/2"), all));

    assertEquals(List.of("scenarios/books-start-empty.yaml [sqlite]", "scenarios/books-start-empty.yaml [postgres]",
        "scenarios/failing/broken-sql.yaml [sqlite]", "scenarios/failing/broken-sql.yaml [postgres]",
        "scenarios/failing/one-author-too-many.yaml [sqlite]", "scenarios/failing/one-author-too-many.yaml [postgres]",
        "scenarios/postgres-only.yaml [postgres]"), runs);
    // Dealt database by database with one count: sqlite 1, 2, 1; postgres 2, 1, 2, 1.
    assertEquals(List.of(runs.get(0), runs.get(3), runs.get(4), runs.get(6)), first);
    assertEquals(List.of(runs.get(1), runs.get(2), runs.get(5)), second);
    assertEquals(List.of(), runs(discover(with(both, Constants.SHARD, "8/8"), all)));
  }

  @Test
  void withTheTimesOfAnEarlierWholeRunShardsAreDealtByTimeWithinEachDatabase() throws IOException {
    var all = selectDirectory(Fixture.file("scenarios").toFile());
    Map<String, String> both = Map.of(Constants.DATABASES, "sqlite,postgres", Constants.TAGS, "!rollback");
    Files.createDirectories(reports);
    Files.writeString(reports.resolve("rollback-summary-20260101T000000Z.json"), summary(
        "books-start-empty.yaml", 900, 100, "failing/broken-sql.yaml", 400, 300, "failing/one-author-too-many.yaml",
        450, 5000, "postgres-only.yaml", 0, 200));
    // Newer, but only a shard's share: not a time for every run, so not used.
    Files.writeString(reports.resolve("rollback-summary-20260102T000000Z.json"), """
        {"run_id": "shard", "scenarios": [{"scenario": "scenarios/books-start-empty.yaml", "database": "sqlite",
          "time_ms": 1}]}""");

    List<String> first = runs(discover(with(both, Constants.SHARD, "1/2"), all));
    List<String> second = runs(discover(with(both, Constants.SHARD, "2/2"), all));

    // sqlite, longest first: books 900 to 1; one-author 450 to 2; broken 400 to 2 (850 < 900).
    // postgres: one-author 5000 to 2 (a tie in postgres, and 850 < 900 in all); then broken 300, postgres-only 200
    // and books 100 to 1, which has the least postgres time.
    assertEquals(List.of("scenarios/books-start-empty.yaml [sqlite]", "scenarios/books-start-empty.yaml [postgres]",
        "scenarios/failing/broken-sql.yaml [postgres]", "scenarios/postgres-only.yaml [postgres]"), first);
    assertEquals(List.of("scenarios/failing/broken-sql.yaml [sqlite]",
        "scenarios/failing/one-author-too-many.yaml [sqlite]", "scenarios/failing/one-author-too-many.yaml [postgres]"),
        second);
  }

  /** A run summary with the times of (file, sqlite ms, postgres ms)...; a time of 0 leaves that run out. */
  private static String summary(Object... files) {
    List<String> entries = new java.util.ArrayList<>();
    for (int i = 0; i < files.length; i += 3) {
      for (int d = 0; d < 2; d++) {
        int ms = (Integer) files[i + 1 + d];
        if (ms > 0) {
          entries.add("{\"scenario\": \"scenarios/" + files[i] + "\", \"database\": \"" + (d == 0 ? "sqlite" : "postgres")
              + "\", \"status\": \"passed\", \"time_ms\": " + ms + ", \"summary\": \"x.json\"}");
        }
      }
    }
    return "{\"run_id\": \"whole\", \"scenarios\": [" + String.join(", ", entries) + "]}";
  }

  @Test
  void invalidParametersAreIssuesAndNothingIsDiscovered() {
    var all = selectDirectory(Fixture.file("scenarios").toFile());

    EngineDiscoveryResults results = discover(Map.of(Constants.SHARD, "3/2", Constants.TAGS, "authors &",
        Constants.NAME, "(", Constants.DATABASES, "sqlite,oracle", Constants.KEEP, "yes"), all);

    assertEquals(List.of(
        "ERROR rehearsal.databases: unknown database 'oracle' — configured: sqlite, postgres",
        "ERROR rehearsal.tags: 'authors &' is not a tag expression (Unable to parse tag expression \"authors &\": "
            + "missing rhs operand for '&' at index <8>) — write one such as 'rollback & !slow'",
        "ERROR rehearsal.name: '(' is not a regular expression — Unclosed group",
        "ERROR rehearsal.shard: '3/2' is not a shard — write I/N with 1 <= I <= N, e.g. 1/2",
        "ERROR rehearsal.keep: must be true or false, found 'yes'"), issues(results));
    assertEquals(List.of(), tree(results.getEngineDescriptor()));
  }

  @Test
  void anUnknownRehearsalParameterIsAnIssue() {
    EngineDiscoveryResults results = discover(Map.of("rehearsal.shards", "1/2", "rehearsal.paths.report", "x"),
        selectDirectory(Fixture.file("scenarios").toFile()));

    assertEquals(List.of("ERROR unknown configuration parameter 'rehearsal.paths.report' — did you mean "
        + "'rehearsal.paths.reports'?", "ERROR unknown configuration parameter 'rehearsal.shards' — did you mean "
        + "'rehearsal.shard'?"), issues(results));
    assertEquals(List.of(), tree(results.getEngineDescriptor()));
  }

  @Test
  void anUnknownParameterFarFromEveryKnownOneListsThem() {
    EngineDiscoveryResults results = discover(Map.of("rehearsal.colour", "red"),
        selectDirectory(Fixture.file("scenarios").toFile()));

    assertEquals(List.of("ERROR unknown configuration parameter 'rehearsal.colour' — the engine's own are "
        + String.join(", ", Constants.ENGINE_KEYS) + "; any other must be rehearsal.KEY for a rehearsal.yaml KEY "
        + "such as rehearsal.paths.reports"), issues(results));
    assertEquals(List.of(), tree(results.getEngineDescriptor()));
  }

  @Test
  void anInvalidRehearsalYamlIsAnIssueAtItsPlace(@TempDir Path project) throws Exception {
    java.nio.file.Files.writeString(project.resolve("rehearsal.yaml"), "paths:\n  scenarioz: x\n");

    EngineDiscoveryResults results = org.junit.platform.testkit.engine.EngineTestKit
        .engine(new RehearsalTestEngine()).configurationParameter(Constants.PROJECT_DIR, project.toString())
        .selectors(selectDirectory(project.toFile())).discover();

    DiscoveryIssue issue = results.getDiscoveryIssues().get(0);
    assertEquals(true, issue.message().startsWith("rehearsal.yaml:2:3: unknown key 'paths.scenarioz'"),
        issue.message());
    assertEquals(project.resolve("rehearsal.yaml").toFile(), ((FileSource) issue.source().orElseThrow()).getFile());
  }

  @Test
  void aRequestForClassesOnlyIsAnsweredWithoutOpeningTheProject(@TempDir Path project) throws Exception {
    java.nio.file.Files.writeString(project.resolve("rehearsal.yaml"), "paths:\n  scenarioz: x\n");

    EngineDiscoveryResults results = org.junit.platform.testkit.engine.EngineTestKit
        .engine(new RehearsalTestEngine()).configurationParameter(Constants.PROJECT_DIR, project.toString())
        .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(DiscoveryTest.class))
        .discover();

    assertEquals(List.of(), results.getDiscoveryIssues());
    assertEquals(List.of(), tree(results.getEngineDescriptor()));
  }

  @Test
  void aMissingScenariosPathIsAnIssueThatNamesTheParameter() {
    EngineDiscoveryResults results = discover(Map.of(Constants.SCENARIOS, "scenarios,nowhere"));

    assertEquals(List.of("ERROR rehearsal.scenarios: " + Fixture.file("nowhere") + " not found — create it, or name "
        + "the scenario files and directories that exist (relative to the project root " + Fixture.PROJECT + ")"),
        issues(results));
    assertEquals(List.of(), tree(results.getEngineDescriptor()));
  }

  @Test
  void aSelectedScenariosDirectoryThatIsMissingIsAnIssueNotACrash(@TempDir Path project) throws Exception {
    java.nio.file.Files.writeString(project.resolve("rehearsal.yaml"), "paths:\n  scenarios: scenarios\n");
    java.nio.file.Files.createDirectories(project.resolve("migrations/environments"));
    java.nio.file.Files.createDirectories(project.resolve("migrations/scripts"));
    java.nio.file.Files.writeString(project.resolve("migrations/environments/sqlite.properties"), "");

    EngineDiscoveryResults results = org.junit.platform.testkit.engine.EngineTestKit
        .engine(new RehearsalTestEngine()).configurationParameter(Constants.PROJECT_DIR, project.toString())
        .selectors(selectDirectory(project.resolve("scenarios").toString())).discover();

    assertEquals(List.of("ERROR scenarios:1:1: no such file or directory — give scenario files or directories"),
        results.getDiscoveryIssues().stream().map(i -> i.severity() + " " + i.message()).toList());
  }

  @Test
  void aProjectDirectoryWithoutRehearsalYamlIsAnIssue(@TempDir Path project) {
    EngineDiscoveryResults results = org.junit.platform.testkit.engine.EngineTestKit
        .engine(new RehearsalTestEngine()).configurationParameter(Constants.PROJECT_DIR, project.toString())
        .selectors(selectDirectory(project.toFile())).discover();

    assertEquals(List.of("ERROR rehearsal.project_dir " + project + ": " + project + " has no rehearsal.yaml — run "
        + "'rehearse init " + project + "' to set it up, or name the directory that holds rehearsal.yaml"),
        results.getDiscoveryIssues().stream().map(i -> i.severity() + " " + i.message()).toList());
    assertEquals(List.of(), tree(results.getEngineDescriptor()));
  }

  private static Map<String, String> with(Map<String, String> parameters, String key, String value) {
    Map<String, String> copy = new java.util.HashMap<>(parameters);
    copy.put(key, value);
    return copy;
  }

  private static List<String> files(EngineDiscoveryResults results) {
    return results.getEngineDescriptor().getChildren().stream().map(Outcomes::name).toList();
  }

  private static List<String> runs(EngineDiscoveryResults results) {
    return results.getEngineDescriptor().getChildren().stream().flatMap(f -> f.getChildren().stream())
        .map(Outcomes::name).toList();
  }
}
