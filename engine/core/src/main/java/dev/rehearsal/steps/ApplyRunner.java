package dev.rehearsal.steps;

import dev.rehearsal.migrations.InjectedFailure;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.Outcome;
import dev.rehearsal.scenario.ApplyStep;

/** {@code apply}: migrates up through MyBatis, one transaction per script. */
final class ApplyRunner implements StepRunner<ApplyStep> {

  @Override
  public String keyword() {
    return ApplyStep.KEYWORD;
  }

  @Override
  public Class<ApplyStep> stepType() {
    return ApplyStep.class;
  }

  @Override
  public StepOutcome run(ApplyStep step, StepContext context) {
    InjectedFailure failure = context.takeArmed();
    StepOutcome outcome = Budget.timed(step.describe(), step.within(),
        () -> ErrorCheck.around(step.describe(), step.expectError(), context.database(), () -> {
          Outcome done = Traces.around(step, step.trace(), context, context.migrator().timing(timed(context, true)),
              migrator -> migrator.apply(step.to(), failure));
          return describe(done, "applied");
        }));
    return failure == null ? outcome : withState(outcome, context, failure);
  }

  /** After a simulated failure, the detail also says what it left behind. */
  static StepOutcome withState(StepOutcome outcome, StepContext context, InjectedFailure failure) {
    return new StepOutcome(outcome.checks(), outcome.detail() + "; " + FailureState.describe(context, failure));
  }

  /** Tells the recovery clock how long each script took, going up or down. */
  static Migrator.ScriptTimes timed(StepContext context, boolean up) {
    return (id, time) -> context.repository().migrations().stream().filter(m -> m.id().compareTo(id) == 0)
        .findFirst().ifPresent(m -> {
          if (up) {
            context.clock().up(m, time);
          } else {
            context.clock().down(m, time);
          }
        });
  }

  static String describe(Outcome outcome, String verb) {
    int count = outcome.ran().size();
    if (count == 0) {
      return "nothing to do, at version " + Outcome.show(outcome.after());
    }
    return count + (count == 1 ? " migration " : " migrations ") + verb + ", now at version "
        + Outcome.show(outcome.after());
  }
}
