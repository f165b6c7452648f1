package dev.rehearsal.junit;

import dev.rehearsal.database.Database;
import dev.rehearsal.run.ScenarioExecution;
import dev.rehearsal.run.ScenarioRun;
import dev.rehearsal.scenario.Scenario;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A scenario on one database: a container whose execution is a scenario run of the interpreter, in a scratch
 * database of its own. Its steps are its children; the run always does every step, in order, even when a filter
 * left some step out of the tree, because each step works on what the ones before it left.
 */
final class ScenarioRunDescriptor extends AbstractTestDescriptor implements Node<ExecutionContext> {

  static final String SEGMENT = "run";

  private final Scenario scenario;
  private final Database database;
  private final Set<TestTag> tags;

  ScenarioRunDescriptor(UniqueId uniqueId, Scenario scenario, Database database, FileSource source,
      Set<TestTag> tags) {
    super(uniqueId, database.name(), source);
    this.scenario = scenario;
    this.database = database;
    this.tags = Set.copyOf(tags);
  }

  Scenario scenario() {
    return scenario;
  }

  Database database() {
    return database;
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }

  @Override
  public Set<TestTag> getTags() {
    return tags;
  }

  @Override
  public ExecutionContext before(ExecutionContext context) {
    ScenarioRun run = context.plan().get(getUniqueId());
    return context.withScenario(context.run().start(run));
  }

  @Override
  public ExecutionContext execute(ExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
    ScenarioExecution execution = context.scenario();
    if (execution.error().isPresent()) {
      throw new ScenarioRunException(scenario.file() + " [" + database.name() + "] could not start: "
          + execution.error().get(), StepOutcomes.at(execution.run(), "start", scenario.position().line()));
    }
    return context;
  }

  @Override
  public void after(ExecutionContext context) {
    if (context.scenario() != null) {
      context.scenario().finish();
    }
  }
}
