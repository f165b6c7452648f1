package dev.rehearsal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.database.Database;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import dev.rehearsal.testing.SampleRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool of copies of a cached state made ahead of the scenario runs (PostgreSQL): each run gets a copy of its own
 * that holds what the migrations left and nothing another run wrote, the copies no run took are dropped with the
 * run, and a run stopped by Ctrl-C (the shutdown hook) leaves none of them behind.
 */
@RequiresPostgres
class PostgresPoolTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @TempDir
  Path temp;

  private Path repository;

  @BeforeEach
  void repository() throws IOException {
    repository = SampleRepository.withScript(ROOT, temp, "pool_marks", """
        CREATE TABLE pool_marks (id INTEGER PRIMARY KEY);
        INSERT INTO pool_marks SELECT generate_series(1, 3);
        """, """
        DROP TABLE pool_marks;
        """);
  }

  @Test
  void eachRunGetsAPooledCopyOfItsOwnThatHoldsOnlyWhatTheMigrationsLeft() throws IOException {
    Path writes = scenario("writes", "apply: head", true);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      files.add(writes);
    }

    List<ScenarioResult> results = run(files, new RunOptions(false, false, 2, true), null);

    assertEquals(6, results.size());
    passedFromCopies(results);
  }

  @Test
  void copiesNoRunTookAreDroppedWithTheRun() throws IOException {
    // Four runs in the plan, two of which start from the cache: the pool makes copies for the other two as well.
    Path cached = scenario("cached", "apply: head", true);
    Path migrating = scenario("migrating", "apply: {to: head, within: 10min}", false);

    List<ScenarioResult> results = run(List.of(cached, migrating, cached, migrating),
        new RunOptions(false, false, 2, true), null);

    for (ScenarioResult result : results) {
      assertEquals(Status.PASSED, result.status(), HostileScenariosTest.why(result));
    }
  }

  @Test
  void withoutThePoolRunsStartFromCopiesMadeWhenTheyAsk() throws IOException {
    Path own = scenario("own", "apply: head", false);

    List<ScenarioResult> results = run(List.of(own, own, own), new RunOptions(false, false, 2, true,
        dev.rehearsal.baseline.Baseline.NONE, false), null);

    passedFromCopies(results);
  }

  private static void passedFromCopies(List<ScenarioResult> results) {
    for (ScenarioResult result : results) {
      assertEquals(Status.PASSED, result.status(), HostileScenariosTest.why(result));
      assertTrue(result.steps().get(0).detail().contains("copied from the state cached for this run"),
          result.steps().get(0).detail());
    }
  }

  @Test
  void theShutdownHookDropsThePoolWithTheRun() throws IOException {
    Path writes = scenario("writes", "apply: head", true);
    List<Path> files = List.of(writes, writes, writes, writes, writes);
    List<ScenarioResult> results = run(files, new RunOptions(false, false, 3, true), (execution, plan) -> {
      // One run done: the state is cached and three more copies are under way or made, none taken; then a
      // second run started, its copy taken, and Ctrl-C.
      ScenarioResult first = execution.start(plan.get(0)).finish();
      assertEquals(Status.PASSED, first.status(), HostileScenariosTest.why(first));
      execution.start(plan.get(1));
      execution.interrupt();
    });

    assertEquals(List.of(Status.PASSED, Status.INTERRUPTED), results.stream().map(ScenarioResult::status).toList());
  }

  /**
   * A scenario that starts with {@code first} and checks it got the state and nothing else: three rows, one more
   * once it wrote one; and whether its database is a pooled copy.
   */
  private Path scenario(String name, String first, boolean pooled) throws IOException {
    return Files.writeString(temp.resolve(name + ".yaml"), """
        scenario: %s
        databases: [postgres]
        steps:
          - %s
          - expect:
              query:
                - {sql: "SELECT count(*) FROM pool_marks", equals: 3}
                - {sql: "SELECT count(*) FROM pg_database WHERE datname = current_database() AND datname LIKE '%%\\\\_pool\\\\_%%'", equals: %d}
          - sql: "INSERT INTO pool_marks VALUES (4);"
          - expect:
              query: {sql: "SELECT count(*) FROM pool_marks", equals: 4}
        """.formatted(name, first, pooled ? 1 : 0));
  }

  /**
   * Runs the scenario files in one run (through {@code drive} when given, which gets the execution before it
   * finishes) and checks that nothing of the run is left on the server.
   */
  private List<ScenarioResult> run(List<Path> files, RunOptions options,
      java.util.function.BiConsumer<RunExecution, List<ScenarioRun>> drive) {
    Project project = PostgresCacheExactnessTest.project(repository, temp);
    List<Scenario> scenarios = project.readScenarios(files);
    List<Database> on = project.databases(List.of("postgres"));
    String runId = RunId.next();
    RunResult result;
    if (drive == null) {
      result = project.run(runId, scenarios, on, options, new RunListener() {});
    } else {
      List<ScenarioRun> plan = RunPlan.of(scenarios, on);
      RunExecution execution = project.interpreter(options).begin(runId, plan, new RunListener() {});
      drive.accept(execution, plan);
      result = execution.finish();
    }
    assertEquals(List.of(), result.leftovers());
    assertEquals(List.of(), PostgresServer.databases("rehearsal_" + runId));
    assertEquals(List.of(), PostgresServer.roles("rehearsal_" + runId));
    return result.scenarios();
  }
}
