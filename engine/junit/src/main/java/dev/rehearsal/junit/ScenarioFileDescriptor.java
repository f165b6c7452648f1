package dev.rehearsal.junit;

import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.text.Shown;
import java.nio.file.Path;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

/** A scenario file: a container of its runs, one per database, named by its {@code scenario:} sentence. */
final class ScenarioFileDescriptor extends AbstractTestDescriptor implements Node<ExecutionContext> {

  static final String SEGMENT = "scenario";

  private final Scenario scenario;
  private final Path file;
  private final Set<TestTag> tags;

  ScenarioFileDescriptor(UniqueId uniqueId, Scenario scenario, Path file, Set<TestTag> tags) {
    super(uniqueId, Shown.line(scenario.name()), FileSource.from(file.toFile(),
        FilePosition.from(scenario.position().line(), scenario.position().column())));
    this.scenario = scenario;
    this.file = file;
    this.tags = Set.copyOf(tags);
  }

  Scenario scenario() {
    return scenario;
  }

  Path file() {
    return file;
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }

  @Override
  public Set<TestTag> getTags() {
    return tags;
  }
}
