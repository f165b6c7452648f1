package dev.rehearsal.junit;

import dev.rehearsal.run.RunId;
import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.RunPlan;
import dev.rehearsal.run.ScenarioRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The engine's root. Its execution is one interpreter run over the scenario runs left in the tree after every
 * filter: {@link #before} begins it (the plan, the reports' run start), {@link #after} finishes it (the run
 * summary).
 */
final class RehearsalEngineDescriptor extends EngineDescriptor implements Node<ExecutionContext> {

  private final EngineSettings settings;
  private final RunListener listener;

  /**
   * @param settings null when the configuration is invalid; the tree is empty then
   * @param listener more reports, besides the ones the settings ask for
   */
  RehearsalEngineDescriptor(UniqueId uniqueId, EngineSettings settings, RunListener listener) {
    super(uniqueId, "Rehearsal");
    this.settings = settings;
    this.listener = listener;
  }

  @Override
  public ExecutionContext before(ExecutionContext context) {
    List<ScenarioRunDescriptor> runs = runs();
    if (settings == null || runs.isEmpty()) {
      return context;
    }
    List<ScenarioRun> numbered = RunPlan.number(
        runs.stream().map(run -> new ScenarioRun(0, run.scenario(), run.database())).toList());
    Map<UniqueId, ScenarioRun> plan = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      plan.put(runs.get(i).getUniqueId(), numbered.get(i));
    }
    RunListener reports = Reporters.of(settings, listener);
    return context.withRun(settings.project().interpreter(settings.options())
        .begin(RunId.next(), List.copyOf(plan.values()), reports), plan);
  }

  @Override
  public void after(ExecutionContext context) {
    if (context.run() != null) {
      context.run().finish();
    }
  }

  /** The scenario run containers, in execution order. */
  List<ScenarioRunDescriptor> runs() {
    List<ScenarioRunDescriptor> runs = new ArrayList<>();
    getChildren().forEach(file -> file.getChildren().forEach(run -> runs.add((ScenarioRunDescriptor) run)));
    return runs;
  }
}
