package dev.rehearsal.junit;

import dev.rehearsal.run.RunExecution;
import dev.rehearsal.run.ScenarioExecution;
import dev.rehearsal.run.ScenarioRun;
import java.util.Map;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * What a node's execution hands down to its children: the run in progress with its plan, and below a scenario run
 * container, that scenario run's execution.
 */
record ExecutionContext(RunExecution run, Map<UniqueId, ScenarioRun> plan, ScenarioExecution scenario)
    implements EngineExecutionContext {

  static ExecutionContext empty() {
    return new ExecutionContext(null, Map.of(), null);
  }

  ExecutionContext withRun(RunExecution execution, Map<UniqueId, ScenarioRun> runs) {
    return new ExecutionContext(execution, Map.copyOf(runs), null);
  }

  ExecutionContext withScenario(ScenarioExecution execution) {
    return new ExecutionContext(run, plan, execution);
  }
}
