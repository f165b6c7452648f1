package dev.rehearsal.steps;

import dev.rehearsal.scenario.Step;

/**
 * Runs one kind of step. A failed expectation is a failed {@link Check} in the outcome; anything that stops the
 * step from doing its work (a SQL error, a failing migration that was not expected to fail) is thrown, and the
 * interpreter records it as an error of the scenario.
 *
 * @param <S> the step record this runner handles
 */
public interface StepRunner<S extends Step> {

  /** The YAML key of the step kind. */
  String keyword();

  Class<S> stepType();

  StepOutcome run(S step, StepContext context);
}
