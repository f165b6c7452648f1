package dev.rehearsal.steps;

import dev.rehearsal.migrations.InjectedFailure;
import dev.rehearsal.scenario.RollbackStep;

/** {@code rollback}: runs undo sections through MyBatis, newest first. */
final class RollbackRunner implements StepRunner<RollbackStep> {

  @Override
  public String keyword() {
    return RollbackStep.KEYWORD;
  }

  @Override
  public Class<RollbackStep> stepType() {
    return RollbackStep.class;
  }

  @Override
  public StepOutcome run(RollbackStep step, StepContext context) {
    InjectedFailure failure = context.takeArmed();
    StepOutcome outcome = Budget.timed(step.describe(), step.within(),
        () -> ErrorCheck.around(step.describe(), step.expectError(), context.database(),
            () -> ApplyRunner.describe(context.migrator().rollback(step.to(), failure), "rolled back")));
    return failure == null ? outcome : ApplyRunner.withState(outcome, context, failure);
  }
}
