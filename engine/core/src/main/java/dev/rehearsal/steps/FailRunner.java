package dev.rehearsal.steps;

import dev.rehearsal.migrations.InjectedFailure;
import dev.rehearsal.scenario.FailStep;

/** {@code fail}: arms a simulated failure that the next apply or rollback meets. */
final class FailRunner implements StepRunner<FailStep> {

  @Override
  public String keyword() {
    return FailStep.KEYWORD;
  }

  @Override
  public Class<FailStep> stepType() {
    return FailStep.class;
  }

  @Override
  public StepOutcome run(FailStep step, StepContext context) {
    InjectedFailure failure = new InjectedFailure(step.migration(), step.undo(), step.atStatement(),
        InjectedFailure.Mode.valueOf(step.mode().name()));
    context.arm(failure);
    return StepOutcome.done("armed: " + step.mode().label() + " at " + failure.describe());
  }
}
