package dev.rehearsal.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * The scenario's recovery time objective ({@code rto: 30min} at the top of the file), checked as its last step:
 * the restore, the migrations and the rollbacks together must fit in it.
 *
 * @param written the objective as the file gives it, for people: {@code 30min}
 * @param position where {@code rto:} is written
 */
public record RecoveryObjectiveStep(Duration objective, String written, SourcePosition position) implements Step {

  /** Its key at the top of a scenario file, and the name its runner is registered under. */
  public static final String KEYWORD = "rto";

  public RecoveryObjectiveStep {
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(written, "written");
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String keyword() {
    return KEYWORD;
  }

  @Override
  public String describe() {
    return KEYWORD + " " + written;
  }
}
