package dev.rehearsal.steps;

import dev.rehearsal.scenario.RecoveryObjectiveStep;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rto:}: the scenario's recovery — its restores, migrations and rollbacks ({@link Recovery}) — must fit in the
 * objective. The check names each part's time, and when the objective is broken, the part during which it was.
 */
final class RecoveryObjectiveRunner implements StepRunner<RecoveryObjectiveStep> {

  @Override
  public String keyword() {
    return RecoveryObjectiveStep.KEYWORD;
  }

  @Override
  public Class<RecoveryObjectiveStep> stepType() {
    return RecoveryObjectiveStep.class;
  }

  @Override
  public StepOutcome run(RecoveryObjectiveStep step, StepContext context) {
    Recovery recovery = context.clock().figures(step.objective());
    String objective = Budget.show(step.objective());
    String exceeded = recovery.exceededIn();
    Check check = new Check("recovery within " + objective, exceeded == null, "at most " + objective,
        recovery.describe(), exceeded == null ? "" : diff(recovery, exceeded));
    return StepOutcome.checked(check, exceeded == null ? "recovery took " + recovery.describe() + ", within "
        + objective : "recovery objective " + objective + " exceeded during " + Recovery.during(exceeded));
  }

  private static String diff(Recovery recovery, String exceeded) {
    List<String> lines = new ArrayList<>();
    lines.add("The objective of " + Budget.show(recovery.objective()) + " was exceeded during "
        + Recovery.during(exceeded) + ":");
    for (Recovery.Part part : recovery.parts()) {
      lines.add("  " + part.name() + " " + Budget.show(part.time()));
    }
    return String.join("\n", lines);
  }
}
