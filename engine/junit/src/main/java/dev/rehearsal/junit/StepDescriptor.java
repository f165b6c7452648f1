package dev.rehearsal.junit;

import dev.rehearsal.run.ScenarioExecution;
import dev.rehearsal.run.StepResult;
import dev.rehearsal.scenario.Step;
import dev.rehearsal.text.Shown;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One step of a scenario run: a test. Passed when it did its work and every check held; failed with an assertion
 * error per failed check; failed with the error when it could not do its work; skipped after an earlier step's
 * error.
 */
final class StepDescriptor extends AbstractTestDescriptor implements Node<ExecutionContext> {

  static final String SEGMENT = "step";

  private final int index;
  private final Set<TestTag> tags;

  StepDescriptor(UniqueId uniqueId, int index, Step step, FileSource file, Set<TestTag> tags) {
    super(uniqueId, "step " + index + ": " + Shown.line(step.describe()), file.withPosition(
        FilePosition.from(step.position().line(), step.position().column())));
    this.index = index;
    this.tags = Set.copyOf(tags);
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }

  @Override
  public Set<TestTag> getTags() {
    return tags;
  }

  /** Catches up on steps a filter left out of the tree, then skips this one if an earlier step broke the run. */
  @Override
  public SkipResult shouldBeSkipped(ExecutionContext context) {
    ScenarioExecution execution = context.scenario();
    while (execution.hasNext() && execution.nextIndex() < index) {
      execution.next();
    }
    if (execution.broken()) {
      return SkipResult.skip(execution.next().detail());
    }
    return SkipResult.doNotSkip();
  }

  /** A step depends on the ones before it: steps of one scenario run never run at once. */
  @Override
  public ExecutionMode getExecutionMode() {
    return ExecutionMode.SAME_THREAD;
  }

  @Override
  public ExecutionContext execute(ExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
    StepResult result = context.scenario().next();
    StepOutcomes.throwUnlessPassed(context.scenario().run(), result);
    return context;
  }
}
