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
    // describe() says "statement N of ..." or "after the commit of ...": only the first reads after "at".
    String where = failure.mode() == InjectedFailure.Mode.AFTER_COMMIT ? ", " : " at ";
    return StepOutcome.done("armed: " + step.mode().label() + where + failure.describe());
  }
}
