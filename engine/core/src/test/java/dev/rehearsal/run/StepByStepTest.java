package dev.rehearsal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.database.sqlite.SqliteDatabase;
import dev.rehearsal.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Driving a run one scenario run and one step at a time ({@link Interpreter#begin}), as the JUnit engine does:
 * the same events and results as a whole run, and what is left run by finish().
 */
class StepByStepTest {

  private static final Path LIBRARY = Path.of("src/test/resources/library");

  @TempDir
  Path dir;

  private Scenario scenario(String text) throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, text);
    Project project = Project.open(LIBRARY, Map.of());
    return project.readScenarios(List.of(file)).get(0);
  }

  private static RunListener recording(List<String> events) {
    return new RunListener() {
      @Override
      public void runStarted(String runId, List<ScenarioRun> plan) {
        events.add("run started " + plan.size());
      }

      @Override
      public void scenarioStarted(ScenarioRun run) {
        events.add("scenario started " + run.index());
      }

      @Override
      public void stepFinished(ScenarioRun run, StepResult step) {
        events.add("step " + step.index() + " " + step.status().label());
      }

      @Override
      public void scenarioFinished(ScenarioResult result) {
        events.add("scenario finished " + result.status().label());
      }

      @Override
      public void runFinished(RunResult result) {
        events.add("run finished " + result.scenarios().size());
      }
    };
  }

  @Test
  void stepsRunOneByOneAndFinishRunsWhatIsLeftAndReportsTheSameEvents() throws IOException {
    Scenario scenario = scenario("scenario: Four steps\nsteps:\n  - apply: head\n  - sql: \"SELECT * FROM nowhere;\"\n"
        + "  - rollback: base\n  - expect: {version: base}\n");
    Project project = Project.open(LIBRARY, Map.of());
    ScenarioRun run = new ScenarioRun(1, scenario, new SqliteDatabase("sqlite"));
    List<String> events = new ArrayList<>();

    RunExecution execution = project.interpreter(RunOptions.defaults()).begin("r", List.of(run), recording(events));
    ScenarioExecution scenarioRun = execution.start(run);
    StepResult first = scenarioRun.next();
    StepResult second = scenarioRun.next();

    assertEquals(Status.PASSED, first.status());
    assertEquals(Status.ERROR, second.status());
    assertTrue(scenarioRun.broken());
    assertEquals(3, scenarioRun.nextIndex());
    ScenarioResult result = scenarioRun.finish();
    assertSame(result, scenarioRun.finish());
    assertFalse(scenarioRun.hasNext());
    assertEquals(List.of(Status.PASSED, Status.ERROR, Status.SKIPPED, Status.SKIPPED),
        result.steps().stream().map(StepResult::status).toList());
    RunResult whole = execution.finish();
    assertEquals(List.of(result), whole.scenarios());
    assertEquals(List.of("run started 1", "scenario started 1", "step 1 passed", "step 2 error", "step 3 skipped",
        "step 4 skipped", "scenario finished error", "run finished 1"), events);
    assertThrows(IllegalStateException.class, scenarioRun::next);
    assertThrows(IllegalStateException.class, () -> execution.start(run));
  }

  @Test
  void anInterruptWaitsForASummaryBeingWrittenAndCountsTheRunAsItFinished() throws Exception {
    Scenario scenario = scenario("scenario: One step\nsteps:\n  - apply: head\n");
    Project project = Project.open(LIBRARY, Map.of());
    ScenarioRun run = new ScenarioRun(1, scenario, new SqliteDatabase("sqlite"));
    CountDownLatch reporting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    RunListener slowReport = new RunListener() {
      @Override
      public void scenarioFinished(ScenarioResult result) {
        events.add("scenario finished " + result.status().label());
        reporting.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public void runFinished(RunResult result) {
        events.add("run finished " + result.scenarios().stream().map(r -> r.status().label()).toList());
      }
    };
    RunExecution execution = project.interpreter(RunOptions.defaults()).begin("r", List.of(run), slowReport);
    ScenarioExecution scenarioRun = execution.start(run);

    Thread finishing = new Thread(scenarioRun::finish);
    finishing.start();
    assertTrue(reporting.await(10, TimeUnit.SECONDS));
    // Ctrl-C while the finished run's summary is being written: the hook waits for it rather than drop it.
    Thread signal = new Thread(execution::interrupt);
    signal.start();
    signal.join(300);
    boolean waited = signal.isAlive();
    release.countDown();
    finishing.join(10_000);
    signal.join(10_000);

    assertTrue(waited, "the shutdown hook went on while a finished run was being reported");
    assertEquals(List.of("scenario finished passed", "run finished [passed]"), events);
  }
}
