package dev.rehearsal.steps;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.Session;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.scenario.ReadContext;
import dev.rehearsal.scenario.ScenarioReader;
import dev.rehearsal.scenario.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Steps written as scenario YAML, read by the real reader and run through the registry on one scratch database,
 * the way a scenario run does. The scenario file is written into {@code projectRoot}.
 */
final class ScenarioSteps {

  private final StepRegistry registry = StepRegistry.standard();
  private final Database database;
  private final ScratchDatabase scratch;
  private final MigrationRepository repository;
  private final Path projectRoot;
  private final Path fixtures;
  private final StepContext context;

  ScenarioSteps(Database database, ScratchDatabase scratch, MigrationRepository repository, Path projectRoot,
      Path fixtures, Path backupDir) {
    this.database = database;
    this.scratch = scratch;
    this.repository = repository;
    this.projectRoot = projectRoot;
    this.fixtures = fixtures;
    this.context = new StepContext(database, scratch, repository, new StepContext.Settings(projectRoot, false),
        backupDir);
  }

  /** Reads {@code items} (list items written at column 1) as the steps of one scenario. */
  List<Step> parse(String items) {
    Path file = projectRoot.resolve("steps-under-test.yaml");
    String indented = items.lines().map(line -> "  " + line).collect(Collectors.joining("\n"));
    try {
      Files.writeString(file, "scenario: steps under test\nsteps:\n" + indented + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ReadContext read = new ReadContext(projectRoot, fixtures, repository.ids(), List.of(database.name()));
    return new ScenarioReader(read).read(file).steps();
  }

  /** Runs every step of {@code items} in this object's context and returns each outcome. */
  List<StepOutcome> runAll(String items) {
    List<StepOutcome> outcomes = new ArrayList<>();
    for (Step step : parse(items)) {
      outcomes.add(registry.run(step, context));
    }
    return outcomes;
  }

  /** As {@link #runAll(String)}, doing {@code between} (a change on disk, say) just before step {@code index}. */
  List<StepOutcome> runAll(String items, int index, Runnable between) {
    List<StepOutcome> outcomes = new ArrayList<>();
    List<Step> parsed = parse(items);
    for (int i = 0; i < parsed.size(); i++) {
      if (i == index) {
        between.run();
      }
      outcomes.add(registry.run(parsed.get(i), context));
    }
    return outcomes;
  }

  /** Runs every step and returns the outcome of the last one. */
  StepOutcome run(String items) {
    List<StepOutcome> outcomes = runAll(items);
    return outcomes.get(outcomes.size() - 1);
  }

  StepContext context() {
    return context;
  }

  Session session() {
    return new Session(database, scratch);
  }
}
