package dev.rehearsal.junit;

import dev.rehearsal.database.Database;
import dev.rehearsal.run.RunPlan;
import dev.rehearsal.run.ScenarioRun;
import dev.rehearsal.scenario.InvalidInputException;
import dev.rehearsal.scenario.ReadContext;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioReader;
import dev.rehearsal.scenario.Step;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/**
 * Builds the engine's tree: scenario file, then one run per selected database the scenario runs on, then its
 * steps. Each file is read once; an invalid one becomes discovery issues, never an exception.
 */
final class ScenarioTree {

  private final RehearsalEngineDescriptor engine;
  private final List<Database> databases;
  private final ReadContext context;
  private final ScenarioReader reader;
  private final DiscoveryIssueReporter issues;
  private final Map<Path, Optional<Scenario>> read = new HashMap<>();

  ScenarioTree(RehearsalEngineDescriptor engine, List<Database> databases, ReadContext context,
      DiscoveryIssueReporter issues) {
    this.engine = engine;
    this.databases = databases;
    this.context = context;
    this.reader = new ScenarioReader(context);
    this.issues = issues;
  }

  Path root() {
    return context.projectRoot();
  }

  String shown(Path path) {
    return context.shown(path);
  }

  /**
   * Adds a scenario file with its runs (only the one on {@code database} when given) and returns the descriptor
   * that stands for what was asked; empty when the file is invalid or runs on none of the selected databases.
   */
  Optional<TestDescriptor> add(Path path, Optional<String> database) {
    Path file = path.toAbsolutePath().normalize();
    Optional<Scenario> scenario = read.computeIfAbsent(file, this::read);
    if (scenario.isEmpty()) {
      return Optional.empty();
    }
    List<ScenarioRun> runs = RunPlan.of(List.of(scenario.get()), databases).stream()
        .filter(r -> database.isEmpty() || r.database().name().equals(database.get())).toList();
    if (runs.isEmpty()) {
      if (database.isEmpty() && !scenario.get().databases().isEmpty()) {
        issues.reportIssue(Issues.info("not run: " + scenario.get().file() + " runs on "
            + String.join(", ", scenario.get().databases()) + " only; select it with --database or "
            + Constants.DATABASES, file));
      }
      return Optional.empty();
    }
    ScenarioFileDescriptor container = container(scenario.get(), file);
    TestDescriptor added = container;
    for (ScenarioRun run : runs) {
      added = run(container, run.database());
    }
    return Optional.of(database.isPresent() ? added : container);
  }

  private Optional<Scenario> read(Path file) {
    try {
      return Optional.of(reader.read(file));
    } catch (InvalidInputException e) {
      e.problems().forEach(p -> issues.reportIssue(Issues.error(p, root())));
      return Optional.empty();
    }
  }

  private ScenarioFileDescriptor container(Scenario scenario, Path file) {
    UniqueId id = engine.getUniqueId().append(ScenarioFileDescriptor.SEGMENT, scenario.file());
    return engine.findByUniqueId(id).map(ScenarioFileDescriptor.class::cast).orElseGet(() -> {
      ScenarioFileDescriptor created = new ScenarioFileDescriptor(id, scenario, file, tags(scenario, file));
      engine.addChild(created);
      return created;
    });
  }

  private TestDescriptor run(ScenarioFileDescriptor container, Database database) {
    UniqueId id = container.getUniqueId().append(ScenarioRunDescriptor.SEGMENT, database.name());
    Optional<? extends TestDescriptor> existing = container.findByUniqueId(id);
    if (existing.isPresent()) {
      return existing.get();
    }
    Scenario scenario = container.scenario();
    FileSource source = (FileSource) container.getSource().orElseThrow();
    ScenarioRunDescriptor run = new ScenarioRunDescriptor(id, scenario, database, source, container.getTags());
    int index = 0;
    for (Step step : scenario.steps()) {
      index++;
      run.addChild(new StepDescriptor(id.append(StepDescriptor.SEGMENT, String.valueOf(index)), index, step,
          source, container.getTags()));
    }
    container.addChild(run);
    return run;
  }

  private Set<TestTag> tags(Scenario scenario, Path file) {
    Set<TestTag> tags = new LinkedHashSet<>();
    for (String tag : scenario.tags()) {
      if (TestTag.isValid(tag)) {
        tags.add(TestTag.create(tag));
      } else {
        issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, scenario.file() + ": tag '" + tag
            + "' cannot be used in tag expressions (no spaces, commas, parentheses, &, | or !) — rename it")
            .source(FileSource.from(file.toFile())));
      }
    }
    return tags;
  }
}
