package dev.rehearsal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.database.Connector;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.sqlite.SqliteDatabase;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.RepositoryException;
import dev.rehearsal.scenario.ReadContext;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioReader;
import dev.rehearsal.steps.StepRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interpreter on real SQLite scratch databases, with scenarios written into a temporary directory. */
class InterpreterTest {

  private static final Path LIBRARY = Path.of("src/test/resources/library").toAbsolutePath();

  @TempDir
  Path dir;

  private final MigrationRepository repository = MigrationRepository.open(LIBRARY.resolve("migrations"),
      List.of(LIBRARY.resolve("migrations/scripts")), "sqlite");
  private final RecordingDatabase database = new RecordingDatabase();

  /** SQLite that remembers where it put each scratch database, so a test can look for the file afterwards. */
  private static class RecordingDatabase implements Database {
    private final SqliteDatabase sqlite = new SqliteDatabase("sqlite");
    private final List<Path> files = new ArrayList<>();

    @Override
    public String name() {
      return sqlite.name();
    }

    @Override
    public String kind() {
      return sqlite.kind();
    }

    @Override
    public String version() {
      return sqlite.version();
    }

    @Override
    public ScratchDatabase createScratch(String label) {
      ScratchDatabase scratch = sqlite.createScratch(label);
      files.add(Path.of(scratch.location()));
      return scratch;
    }

    @Override
    public ScratchDatabase createScratchFrom(ScratchDatabase template, String label) {
      ScratchDatabase scratch = sqlite.createScratchFrom(template, label);
      files.add(Path.of(scratch.location()));
      return scratch;
    }

    @Override
    public Connector existing(String location) {
      return sqlite.existing(location);
    }

    @Override
    public List<String> clean(java.time.Duration olderThan, java.util.function.Consumer<String> skipped,
        java.util.function.Consumer<String> young) {
      return sqlite.clean(olderThan, skipped, young);
    }

    @Override
    public dev.rehearsal.database.Catalog catalog() {
      return sqlite.catalog();
    }

    @Override
    public dev.rehearsal.database.BackupTool backups() {
      return sqlite.backups();
    }

    @Override
    public dev.rehearsal.database.ClassifiedError classify(java.sql.SQLException error) {
      return sqlite.classify(error);
    }

    @Override
    public String quote(String identifier) {
      return sqlite.quote(identifier);
    }
  }

  private Scenario scenario(String fileName, String steps) throws IOException {
    Path file = dir.resolve(fileName);
    Files.writeString(file, "scenario: " + fileName + "\nsteps:\n" + steps);
    ReadContext context = new ReadContext(dir, LIBRARY.resolve("fixtures"), repository.ids(), List.of("sqlite"));
    return new ScenarioReader(context).read(file);
  }

  private RunResult run(boolean keep, List<Scenario> scenarios, Database on) {
    return run(keep, scenarios, on, db -> repository, new RunListener() {});
  }

  private RunResult run(boolean keep, List<Scenario> scenarios, Database on,
      Function<Database, MigrationRepository> repositories, RunListener listener) {
    Interpreter interpreter = new Interpreter(repositories, StepRegistry.standard(),
        new RunOptions(keep, false, 1, false), dir, false, dir.resolve("backups"));
    return interpreter.run("test-run", RunPlan.of(scenarios, List.of(on)), listener);
  }

  private static List<Status> statuses(ScenarioResult result) {
    return result.steps().stream().map(StepResult::status).toList();
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Test
  void aStepErrorMarksTheScenarioErrorSkipsLaterStepsAndTheNextScenarioStillRuns() throws IOException {
    Scenario broken = scenario("a-broken.yaml", """
          - apply: 20240101000000
          - sql: "INSERT INTO nowhere (id) VALUES (1);"
          - expect: {rows: {authors: 0}}
        """);
    Scenario fine = scenario("b-fine.yaml", """
          - apply: head
          - expect: {version: head}
        """);

    RunResult result = run(false, List.of(fine, broken), database);

    ScenarioResult first = result.scenarios().get(0);
    assertEquals("a-broken.yaml", first.run().scenario().file());
    assertEquals(Status.ERROR, first.status());
    assertEquals(List.of(Status.PASSED, Status.ERROR, Status.SKIPPED), statuses(first));
    StepResult error = first.steps().get(1);
    assertEquals("error", error.detail());
    assertEquals("sql at a-broken.yaml:4:5 failed: [SQLITE_ERROR] SQL error or missing database (no such table: "
        + "nowhere)" + System.lineSeparator() + "  statement: INSERT INTO nowhere (id) VALUES (1)", error.error());
    assertEquals("skipped after an error", first.steps().get(2).detail());
    assertFalse(first.infrastructure());

    ScenarioResult second = result.scenarios().get(1);
    assertEquals(Status.PASSED, second.status());
    assertEquals(List.of(Status.PASSED, Status.PASSED), statuses(second));
    assertEquals(1, result.count(Status.ERROR));
    assertEquals(1, result.count(Status.PASSED));
    assertFalse(result.passed());
  }

  @Test
  void aFailedCheckFailsTheScenarioAndLaterStepsStillRun() throws IOException {
    Scenario scenario = scenario("failing.yaml", """
          - apply: 20240101000000
          - expect: {rows: {authors: 5}}
          - apply: head
        """);

    ScenarioResult result = run(false, List.of(scenario), database).scenarios().get(0);

    assertEquals(Status.FAILED, result.status());
    assertEquals(List.of(Status.PASSED, Status.FAILED, Status.PASSED), statuses(result));
    assertEquals("rows authors = 5", result.steps().get(1).failedChecks().get(0).name());
    assertNull(result.error());
  }

  @Test
  void theScratchDatabaseIsDeletedAfterEachScenarioRun() throws IOException {
    Scenario passing = scenario("a-passing.yaml", "  - apply: head\n");
    Scenario broken = scenario("b-broken.yaml", "  - sql: \"DROP TABLE nowhere;\"\n");

    RunResult result = run(false, List.of(passing, broken), database);

    assertEquals(List.of(Status.PASSED, Status.ERROR), result.scenarios().stream().map(ScenarioResult::status).toList());
    assertEquals(2, database.files.size());
    for (Path file : database.files) {
      assertFalse(Files.exists(file), file + " should be gone");
      assertFalse(Files.exists(file.getParent()), file.getParent() + " should be gone");
    }
    assertNull(result.scenarios().get(0).keptAt());
  }

  @Test
  void keepLeavesTheScratchDatabaseAndSaysHowToOpenIt() throws IOException {
    Scenario scenario = scenario("kept.yaml", "  - apply: 20240101000000\n");

    ScenarioResult result = run(true, List.of(scenario), database).scenarios().get(0);

    Path file = database.files.get(0);
    try {
      assertTrue(Files.isRegularFile(file));
      assertEquals("sqlite3 " + file, result.keptAt());
      Migrator migrator = new Migrator(repository, new SqliteDatabase("sqlite").existing(file.toString()));
      assertEquals(new BigDecimal("20240101000000"), migrator.version());
    } finally {
      deleteTree(file.getParent());
    }
  }

  @Test
  void aRepositoryThatCannotBeOpenedIsAnErrorOfTheScenarioNotOfTheInfrastructure() throws IOException {
    Scenario scenario = scenario("no-environment.yaml", "  - apply: head\n");
    Function<Database, MigrationRepository> missing = db -> {
      throw new RepositoryException("environment file ci.properties not found");
    };

    RunResult result = run(false, List.of(scenario), database, missing, new RunListener() {});

    ScenarioResult only = result.scenarios().get(0);
    assertEquals(Status.ERROR, only.status());
    assertEquals("environment file ci.properties not found", only.error());
    assertFalse(only.infrastructure());
    assertFalse(result.infrastructureError());
    assertEquals(List.of(), database.files);
  }

  @Test
  void aDatabaseThatCannotBeCreatedIsAnInfrastructureError() throws IOException {
    Scenario scenario = scenario("no-disk.yaml", "  - apply: head\n");
    Database full = new RecordingDatabase() {
      @Override
      public ScratchDatabase createScratch(String label) {
        throw DatabaseException.infrastructure("cannot create a temporary SQLite database",
            new IOException("No space left on device"));
      }
    };

    RunResult result = run(false, List.of(scenario), full);

    ScenarioResult only = result.scenarios().get(0);
    assertEquals(Status.ERROR, only.status());
    assertEquals("cannot create a temporary SQLite database: No space left on device", only.error());
    assertTrue(only.infrastructure());
    assertTrue(result.infrastructureError());
  }

  @Test
  void publishesEveryEventInOrder() throws IOException {
    Scenario scenario = scenario("events.yaml", "  - apply: head\n  - rollback: base\n");
    List<String> events = new ArrayList<>();
    RunListener listener = new RunListener() {
      @Override
      public void runStarted(String runId, List<ScenarioRun> plan) {
        events.add("run started " + runId + " with " + plan.size());
      }

      @Override
      public void scenarioStarted(ScenarioRun run) {
        events.add("scenario started " + run.id());
      }

      @Override
      public void stepFinished(ScenarioRun run, StepResult step) {
        events.add("step " + step.index() + " " + step.step().describe() + " " + step.status().label());
      }

      @Override
      public void scenarioFinished(ScenarioResult result) {
        events.add("scenario finished " + result.run().id() + " " + result.status().label());
      }

      @Override
      public void runFinished(RunResult result) {
        events.add("run finished " + result.scenarios().size());
      }
    };

    run(false, List.of(scenario), database, db -> repository, listener);

    assertEquals(List.of("run started test-run with 1", "scenario started events--sqlite",
        "step 1 apply head passed", "step 2 rollback base passed", "scenario finished events--sqlite passed",
        "run finished 1"), events);
  }
}
