package dev.rehearsal.steps;

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
    return ExpectedError.around(step.describe(), step.expectError(),
        () -> ApplyRunner.describe(context.migrator().rollback(step.to()), "rolled back"));
  }
}
