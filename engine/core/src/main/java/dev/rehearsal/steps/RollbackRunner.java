package dev.rehearsal.steps;

import dev.rehearsal.migrations.InjectedFailure;
import dev.rehearsal.migrations.Outcome;
import dev.rehearsal.scenario.RollbackStep;
import dev.rehearsal.scenario.Target;
import dev.rehearsal.schema.Snapshot;
import java.math.BigDecimal;

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
        () -> ErrorCheck.around(step.describe(), step.expectError(), context.database(), () -> {
          Outcome done = Traces.around(step, step.trace(), context,
              context.migrator().timing(ApplyRunner.timed(context, false)),
              migrator -> migrator.rollback(target(step.to(), context), failure));
          return ApplyRunner.describe(done, "rolled back");
        }));
    return failure == null ? outcome : ApplyRunner.withState(outcome, context, failure);
  }

  /** {@code to_version_of: LABEL}: the version the snapshot was taken at, as this run found it. */
  static Target target(Target to, StepContext context) {
    if (!(to instanceof Target.VersionOf of)) {
      return to;
    }
    Snapshot snapshot = context.snapshot(of.label()).orElseThrow(() -> new StepFailure("'" + of.label()
        + "' was not taken: the step that takes it did not run or failed"));
    String version = snapshot.version();
    return version == null || version.equals("base") ? Target.base() : Target.id(new BigDecimal(version));
  }
}
