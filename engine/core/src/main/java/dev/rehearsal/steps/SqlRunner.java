package dev.rehearsal.steps;

import dev.rehearsal.scenario.SqlStep;

/** {@code sql}: statements run like a migration script, in one transaction. */
final class SqlRunner implements StepRunner<SqlStep> {

  @Override
  public String keyword() {
    return SqlStep.KEYWORD;
  }

  @Override
  public Class<SqlStep> stepType() {
    return SqlStep.class;
  }

  @Override
  public StepOutcome run(SqlStep step, StepContext context) {
    return ErrorCheck.around(SqlStep.KEYWORD, step.expectError(), context.database(), () -> {
      context.scripts().run(step.script(), "sql at " + step.position(), context.scratch());
      return "script ran";
    });
  }
}
